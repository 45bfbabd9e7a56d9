import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { LockwardenError } from '../errors.js';

/** Key types lockwarden signs and verifies with. */
export type SignatureAlgorithm = 'ecdsa-p256-sha256' | 'ed25519';

/** Detached signature over the exact file bytes; what `openssl dgst -sha256 -sign` and `cosign sign-blob` make. */
export interface DetachedSignature {
  algorithm: SignatureAlgorithm;
  /** DER-encoded ECDSA signature or the 64 raw Ed25519 bytes. */
  signature: Buffer;
  /** Base64 of `signature`, the form cosign writes. */
  base64: string;
}

/**
 * Signs `data` with a PEM private key (EC P-256 → ECDSA/SHA-256 DER signature, or Ed25519). Throws
 * SIGNATURE_ERROR for unreadable or unsupported keys. cosign's own encrypted key format is not read: sign
 * with `cosign sign-blob` and let lockwarden verify with `cosign.pub`.
 */
export function signDetached(data: Uint8Array, privateKeyPem: string, passphrase?: string): DetachedSignature {
  let key: KeyObject;
  try {
    key = createPrivateKey(passphrase === undefined ? privateKeyPem : { key: privateKeyPem, passphrase });
  } catch (err) {
    throw new LockwardenError('SIGNATURE_ERROR', `cannot read the private key: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const algorithm = algorithmOf(key);
  const signature = sign(algorithm === 'ed25519' ? null : 'sha256', data, key);
  return { algorithm, signature, base64: signature.toString('base64') };
}

/**
 * Verifies a detached signature over `data` with a PEM public key (a private key is accepted too; its public
 * half is used). `signatureFile` is the signature file's bytes: raw (DER for ECDSA, 64 bytes for Ed25519) or
 * base64 text. Resolves to whether it verifies; throws SIGNATURE_ERROR only for unusable keys.
 */
export function verifyDetached(data: Uint8Array, signatureFile: Uint8Array, keyPem: string): boolean {
  let key: KeyObject;
  try {
    key = createPublicKey(keyPem);
  } catch (err) {
    throw new LockwardenError('SIGNATURE_ERROR', `cannot read the public key: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const algorithm = algorithmOf(key);
  return signatureCandidates(signatureFile).some((candidate) => {
    try {
      if (algorithm === 'ed25519') return verify(null, data, key, candidate);
      // DER is what openssl and cosign write; 64 bytes r||s (IEEE P1363) is what WebCrypto and JWS write.
      if (verify('sha256', data, key, candidate)) return true;
      return candidate.length === 64 && verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, candidate);
    } catch {
      // A candidate that is not a well-formed signature simply does not verify.
      return false;
    }
  });
}

function algorithmOf(key: KeyObject): SignatureAlgorithm {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    return 'ecdsa-p256-sha256';
  }
  const what =
    key.asymmetricKeyType === 'ec' ? `EC curve ${key.asymmetricKeyDetails?.namedCurve ?? '?'}` : key.asymmetricKeyType;
  throw new LockwardenError('SIGNATURE_ERROR', `unsupported key type ${what ?? '?'} (use EC P-256 or Ed25519)`);
}

/** The raw bytes, and their base64 decoding when the file is base64 text (cosign's output). */
function signatureCandidates(file: Uint8Array): Buffer[] {
  const raw = Buffer.from(file);
  const text = raw.toString('latin1').trim();
  const candidates = [raw];
  if (text.length > 0 && /^[A-Za-z0-9+/\r\n]+={0,2}$/.test(text)) {
    candidates.push(Buffer.from(text.replace(/\s+/g, ''), 'base64'));
  }
  return candidates;
}
