import { readFileSync } from 'node:fs';
import { type DefinitionNode, parse, print } from 'graphql';

const CONTRACT = parse(readFileSync(new URL('../../contract/operations.graphql', import.meta.url), 'utf8'));

/** One operation of the public contract (operations.graphql), by name, as clients send it. */
export function contractOperation(name: string): string {
  const operation = CONTRACT.definitions.find(
    (definition) => definition.kind === 'OperationDefinition' && definition.name?.value === name,
  );
  if (!operation) throw new Error(`the contract has no operation ${name}`);
  return print(operation as DefinitionNode);
}
