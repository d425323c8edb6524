/**
 * Container ports of a pod spec (a Pod's, or a workload template's): the only part of a pod
 * spec the simulation uses, so the only part checked. Unknown container fields are not reported.
 */
import type { ContainerPort, Protocol } from '../model/types.ts';
import { checkPortName } from './names.ts';
import { childPath, type Path } from './path.ts';
import { checkPortNumber, readProtocol } from './read-policy-port.ts';
import { field, isMap, label, readInteger, readList, readMap, readString, type Obj } from './reader.ts';
import type { Reporter } from './reporter.ts';
import { suggestName } from './suggest.ts';

/**
 * A port entry without containerPort is skipped with a warning (the rest of the pod is still
 * used), pointing at a misspelt key such as `containerport` when there is one.
 */
function reportMissingNumber(r: Reporter, entry: Obj, path: Path): void {
  const typo = Object.keys(entry).find((k) => k !== 'containerPort' && suggestName(k, ['containerPort']) !== undefined);
  if (typo !== undefined) {
    const message = `Unknown field "${typo}" in a container port: did you mean "containerPort"? This port is ignored`;
    r.warn('unknown-field', message, childPath(path, typo), 'key');
  } else {
    r.warn('missing-field', `${label(path)} has no "containerPort"; this port is ignored`, path);
  }
}

function readPort(r: Reporter, v: unknown, path: Path, names: Set<string>): ContainerPort | undefined {
  const entry = readMap(r, v, path);
  if (!entry) return undefined;
  const numberPath = childPath(path, 'containerPort');
  const port = readInteger(r, field(entry, 'containerPort'), numberPath);
  if (port === undefined && field(entry, 'containerPort') == null) reportMissingNumber(r, entry, path);
  const namePath = childPath(path, 'name');
  const name = readString(r, field(entry, 'name'), namePath);
  if (name !== undefined) {
    const problem = checkPortName(name);
    if (problem) {
      r.error('invalid-port-name', `Port name ${JSON.stringify(name)} is not a valid port name: it ${problem}`, namePath);
    } else if (names.has(name)) {
      r.error('duplicate-port-name', `Port name ${JSON.stringify(name)} is used twice in this pod`, namePath);
    }
    names.add(name);
  }
  const protocolValue = field(entry, 'protocol');
  const protocol: Protocol | undefined =
    protocolValue == null ? 'TCP' : readProtocol(r, protocolValue, childPath(path, 'protocol'));
  if (port === undefined || protocol === undefined || !checkPortNumber(r, port, numberPath, 'containerPort')) {
    return undefined;
  }
  return name ? { name, containerPort: port, protocol } : { containerPort: port, protocol };
}

function readContainerList(r: Reporter, spec: Obj, key: string, specPath: Path, names: Set<string>, out: ContainerPort[]): void {
  const listPath = childPath(specPath, key);
  const containers = readList(r, field(spec, key), listPath);
  containers?.forEach((c, i) => {
    if (!isMap(c)) return;
    // Init containers only serve traffic when they are sidecars (restartPolicy: Always).
    if (key === 'initContainers' && field(c, 'restartPolicy') !== 'Always') return;
    const portsPath = childPath(childPath(listPath, i), 'ports');
    readList(r, field(c, 'ports'), portsPath)?.forEach((p, j) => {
      const port = readPort(r, p, childPath(portsPath, j), names);
      if (port) out.push(port);
    });
  });
}

/** Ports of every container (and sidecar init container) of a pod spec at `specPath`. */
export function readContainerPorts(r: Reporter, spec: Obj | undefined, specPath: Path): ContainerPort[] {
  const out: ContainerPort[] = [];
  if (!spec) return out;
  const names = new Set<string>();
  readContainerList(r, spec, 'containers', specPath, names, out);
  readContainerList(r, spec, 'initContainers', specPath, names, out);
  return out;
}
