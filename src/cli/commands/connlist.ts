import { parseArgs } from 'node:util';
import { connlistEntries, formatConnlist } from '../../core/evaluate/connlist.ts';
import { ingressControllerFlows } from '../../core/evaluate/ingress-controller.ts';
import { fail, type CommandOutput } from '../io.ts';
import { loadPaths } from './load.ts';
import { parseCompatOption } from './options.ts';

export const connlistHelp = `Usage: netpol-canvas connlist PATH... [--compat npguard] [--format txt|json]

List every allowed connection between workloads, and between workloads and external
address ranges, in netpol-analyzer's format:
  ns/name[Kind] => ns/name[Kind] : TCP 80,UDP 53
  0.0.0.0-9.255.255.255[External] => ns/name[Kind] : All Connections
  {ingress-controller} => ns/name[Kind] : TCP 8080   (with --compat npguard)

Options:
  --compat npguard  reproduce netpol-analyzer's semantics: ipBlocks never match pods,
                    IPv4 only, no list when there are only policies, and an
                    {ingress-controller} source reaching, on TCP, the containerPorts
                    that Routes and Ingresses expose through Services, where policies
                    admit a pod of another namespace (Kubernetes' semantics are the default)
  --format F        txt (default) or json
  -h, --help        show this help
`;

export function runConnlist(args: string[]): CommandOutput {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { compat: { type: 'string' }, format: { type: 'string', default: 'txt' } },
  });
  if (positionals.length === 0) return fail(`connlist: no PATH given\n\n${connlistHelp}`);
  const npguard = parseCompatOption(values.compat);
  const { evaluator, errorText, ingressObjects } = loadPaths(positionals, { npguard });
  // netpol-analyzer needs workloads: pods inferred from policy selectors alone give no list.
  const entries =
    npguard && evaluator.model.inferredPods
      ? []
      : connlistEntries(evaluator.matrix({ granularity: 'workload' }), {
          families: npguard ? [4] : [4, 6],
          ...(npguard && ingressObjects ? { ingressController: ingressControllerFlows(evaluator, ingressObjects) } : {}),
        });
  const stdout = values.format === 'json' ? JSON.stringify(entries, null, 2) + '\n' : formatConnlist(entries);
  return { stdout, stderr: errorText, exitCode: 0 };
}
