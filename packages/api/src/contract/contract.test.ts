import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@proximitat/runtime';
import {
  type DefinitionNode,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  Kind,
  type OperationDefinitionNode,
  type OperationTypeNode,
  parse,
  print,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema.ts';

/**
 * The public contract (shared/acceptance), copied into the repository so that the project stands on
 * its own. Operations and types whose feature is not built yet are listed here, with the issue that
 * builds them: this list only shrinks.
 */
const NOT_YET_BUILT = {
  operations: {} as Record<string, string>,
  types: {} as Record<string, string>,
};

const contractDir = join(repoRoot, 'packages/api/contract');
const sharedDir = join(repoRoot, '../shared/acceptance');
const operationsText = readFileSync(join(contractDir, 'operations.graphql'), 'utf8');
const inputsText = readFileSync(join(contractDir, 'inputs.graphql'), 'utf8');

const operations = parse(operationsText).definitions.filter(
  (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
);

function typeDefinitionName(definition: DefinitionNode): string | undefined {
  return 'name' in definition && definition.name ? definition.name.value : undefined;
}

/** What is missing or different in the schema's version of a contract type; empty when it conforms. */
function typeProblems(definition: DefinitionNode, type: GraphQLNamedType | undefined | null): string[] {
  const name = typeDefinitionName(definition) ?? '?';
  if (!type) return [`${name} is not in the schema`];
  if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
    if (!isEnumType(type)) return [`${name} is not an enum`];
    const values = new Set(type.getValues().map((value) => value.name));
    return (definition.values ?? [])
      .filter((value) => !values.has(value.name.value))
      .map((value) => `${name}.${value.name.value} is missing`);
  }
  if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
    if (!isInputObjectType(type)) return [`${name} is not an input type`];
    const fields = type.getFields();
    const problems: string[] = [];
    const contractFields = new Set<string>();
    for (const field of definition.fields ?? []) {
      contractFields.add(field.name.value);
      const actual = fields[field.name.value];
      const expected = print(field.type);
      if (!actual) problems.push(`${name}.${field.name.value} is missing`);
      else if (String(actual.type) !== expected) {
        problems.push(`${name}.${field.name.value} is ${String(actual.type)}, the contract says ${expected}`);
      }
    }
    for (const [fieldName, field] of Object.entries(fields)) {
      if (
        !contractFields.has(fieldName) &&
        String(field.type).endsWith('!') &&
        field.defaultValue === undefined
      ) {
        problems.push(`${name}.${fieldName} is required but not in the contract`);
      }
    }
    return problems;
  }
  return [];
}

describe('the public contract', () => {
  it('is the same as shared/acceptance when that folder is beside the repository', () => {
    if (!existsSync(sharedDir)) return;
    expect(operationsText).toBe(readFileSync(join(sharedDir, 'operations.graphql'), 'utf8'));
    expect(inputsText).toBe(readFileSync(join(sharedDir, 'inputs.graphql'), 'utf8'));
  });

  it('lists only operations and types that exist in the contract', () => {
    const names = new Set(operations.map((operation) => operation.name?.value));
    for (const name of Object.keys(NOT_YET_BUILT.operations)) expect(names.has(name), name).toBe(true);
    const typeNames = new Set(parse(inputsText).definitions.map(typeDefinitionName));
    for (const name of Object.keys(NOT_YET_BUILT.types)) expect(typeNames.has(name), name).toBe(true);
  });

  const states = operations.map((operation) => {
    const name = operation.name?.value ?? '(anonymous)';
    // graphql-js leaves an operation on a missing root type to execution; the contract needs it here.
    const root = schema.getRootType(operation.operation as OperationTypeNode);
    const errors = root
      ? validate(schema, { kind: Kind.DOCUMENT, definitions: [operation] }).map((error) => error.message)
      : [`the schema has no ${operation.operation} type`];
    return { name, errors, pending: NOT_YET_BUILT.operations[name] };
  });

  it('prints the state of every operation', () => {
    const lines = states.map(({ name, errors, pending }) =>
      errors.length === 0
        ? `  valid        ${name}`
        : pending
          ? `  not built    ${name} (${pending})`
          : `  INVALID      ${name}: ${errors.join('; ')}`,
    );
    console.info(`contract operations:\n${lines.join('\n')}`);
    expect(states.length).toBeGreaterThan(0);
  });

  for (const { name, errors, pending } of states) {
    if (pending) {
      it(`${name} is listed as not built, so it must not validate yet (remove it from the list once it does)`, () => {
        expect(errors.length).toBeGreaterThan(0);
      });
    } else {
      it(`${name} validates against the schema`, () => {
        expect(errors).toEqual([]);
      });
    }
  }

  for (const definition of parse(inputsText).definitions) {
    const name = typeDefinitionName(definition);
    if (!name) continue;
    const problems = typeProblems(definition, schema.getType(name));
    if (NOT_YET_BUILT.types[name]) {
      it(`${name} is listed as not built, so it must not conform yet`, () => {
        expect(problems.length).toBeGreaterThan(0);
      });
    } else {
      it(`${name} has the contract's fields and values`, () => {
        expect(problems).toEqual([]);
      });
    }
  }
});
