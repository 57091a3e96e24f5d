import { createHash, createHmac, randomBytes } from 'node:crypto';

export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');
export const hmac = (secret: string, v: string) => createHmac('sha256', secret).update(v).digest('base64url');
