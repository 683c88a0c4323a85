import { readFileSync } from 'node:fs';
import { type DefinitionNode, parse, print } from 'graphql';

/**
 * The public contract, copied from shared/acceptance into packages/api/contract: each part is a file
 * of operations and a file of the input types and enums they use.
 */
export const CONTRACT_PARTS = [
  { operations: 'operations.graphql', inputs: 'inputs.graphql' },
  { operations: 'operations-2.graphql', inputs: 'inputs-2.graphql' },
] as const;

/** The text of one file of the repository's copy of the contract. */
export function contractFile(name: string): string {
  return readFileSync(new URL(`../../contract/${name}`, import.meta.url), 'utf8');
}

const CONTRACT = CONTRACT_PARTS.flatMap((part) => parse(contractFile(part.operations)).definitions);

/** One operation of the public contract (either part), by name, as clients send it. */
export function contractOperation(name: string): string {
  const operation = CONTRACT.find(
    (definition) => definition.kind === 'OperationDefinition' && definition.name?.value === name,
  );
  if (!operation) throw new Error(`the contract has no operation ${name}`);
  return print(operation as DefinitionNode);
}
