/**
 * Certificates for TLS tests, made at test time with the `openssl` command: a
 * throwaway CA, and server certificates it signs for 127.0.0.1 and localhost.
 * Nothing is checked in, nothing outlives the test's temporary directory.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestCertificate {
  certFile: string;
  keyFile: string;
  cert: string;
  key: string;
  /** SHA-256 fingerprint as Node's X509Certificate and TLS peer certificates give it (AA:BB:…). */
  fingerprint256: string;
}

export interface TestCa {
  /** The CA's certificate (PEM): what a client trusts. */
  cert: string;
  certFile: string;
  /** A server certificate for 127.0.0.1 and localhost signed by this CA, written as `<name>.crt` and `<name>.key` in the CA's directory. */
  issue(name: string): TestCertificate;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** A new CA in `dir` (the caller's temporary directory). */
export function createTestCa(dir: string, name = 'Parley Test CA'): TestCa {
  openssl(
    ['req', '-x509', ...EC_KEY, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', `/CN=${name}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    dir,
  );
  const certFile = join(dir, 'ca.crt');
  return {
    cert: readFileSync(certFile, 'utf8'),
    certFile,
    issue(server: string): TestCertificate {
      const ext = join(dir, `${server}.ext`);
      writeFileSync(ext, 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n');
      openssl(['req', ...EC_KEY, '-keyout', `${server}.key`, '-out', `${server}.csr`, '-subj', `/CN=${server}`], dir);
      openssl(
        ['x509', '-req', '-in', `${server}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', `0x${randomBytes(8).toString('hex')}`,
          '-days', '2', '-out', `${server}.crt`, '-extfile', ext],
        dir,
      );
      const cert = readFileSync(join(dir, `${server}.crt`), 'utf8');
      return {
        certFile: join(dir, `${server}.crt`),
        keyFile: join(dir, `${server}.key`),
        cert,
        key: readFileSync(join(dir, `${server}.key`), 'utf8'),
        fingerprint256: new X509Certificate(cert).fingerprint256,
      };
    },
  };
}
