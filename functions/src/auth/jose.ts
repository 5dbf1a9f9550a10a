/** The parts of jose the tokens use: tokens.ts imports this on demand, and the bundle keeps only these. */
export { createRemoteJWKSet, jwtVerify, SignJWT } from 'jose';
