import { PROTOCOLS, type Protocol } from '../../core/model/types.ts';
import { UsageError } from '../io.ts';

export function parsePortOption(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw new UsageError(`--port must be a number from 1 to 65535, got "${text}"`);
  return port;
}

export function parseProtocolOption(text: string | undefined): Protocol {
  const protocol = (text ?? 'TCP').toUpperCase();
  if (!PROTOCOLS.includes(protocol as Protocol)) throw new UsageError(`--protocol must be TCP, UDP or SCTP, got "${text}"`);
  return protocol as Protocol;
}

export function parseCompatOption(text: string | undefined): boolean {
  if (text !== undefined && text !== 'npguard') throw new UsageError(`--compat takes "npguard", got "${text}"`);
  return text === 'npguard';
}
