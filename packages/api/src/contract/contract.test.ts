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
import { CONTRACT_PARTS, contractFile } from '../testing/contract.ts';

/**
 * The public contract (shared/acceptance), copied into packages/api/contract so that the project
 * stands on its own: two parts, each a file of operations and a file of the input types and enums
 * they use.
 *
 * Operations and types whose feature is not built yet are listed here with what the schema lacks
 * for them. Their own cases are skipped; instead a case checks that each still fails for exactly
 * the listed reasons, so the list stays true: once the schema grows, that case fails until the
 * entry is removed, and the operation's real case runs from then on. This list only shrinks.
 */
const NOT_BUILT_YET: {
  /** Operation name: the schema's fields ("Type.field") and types it lacks, as validation names them. */
  operations: Record<string, string[]>;
  /** Type name: why it is not there yet. */
  types: Record<string, string>;
} = {
  operations: {
    Accounts: ['Query.accounts'],
    SetAccountDisabled: ['Mutation.setAccountDisabled'],
    InvitationByToken: ['Query.invitationByToken'],
    RespondToInvitation: ['Mutation.respondToInvitation'],
    UpdateTender: ['Tender.deadline', 'Tender.status'],
    CloseTender: ['TenderOutcome', 'Mutation.closeTender'],
    ReservationAdvice: ['ReservationAdviceInput', 'Query.reservationAdvice'],
    CompanyContracts: ['Company.publicContracts'],
    SaveSearch: ['SavedSearchInput', 'Mutation.saveSearch'],
    MySavedSearches: ['Query.mySavedSearches'],
  },
  types: {
    TenderOutcome: 'closing a tender (closeTender) is not built yet',
    TenderStatus: 'a tender has no status yet (Tender.status)',
    ReservationRecommendation: 'the reservation advisor (reservationAdvice) is not built yet',
    ReservationAdviceInput: 'the reservation advisor (reservationAdvice) is not built yet',
    SavedSearchInput: 'saved searches (saveSearch, mySavedSearches) are not built yet',
  },
};

const contractDir = join(repoRoot, 'packages/api/contract');
const sharedDir = join(repoRoot, '../shared/acceptance');
const sharedPresent = existsSync(sharedDir);

const parts = CONTRACT_PARTS.map((part) => ({
  ...part,
  operations: parse(contractFile(part.operations)).definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  ),
  inputs: parse(contractFile(part.inputs)).definitions,
  files: [part.operations, part.inputs],
}));
const operations = parts.flatMap((part) => part.operations.map((operation) => ({ operation, part })));

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

/**
 * What the schema lacks for an operation, as "Type.field" or a type's name; any other validation
 * error is kept as its message (it is never on the not-built list, so it always fails).
 */
function missingFor(errors: string[]): string[] {
  return errors.map((message) => {
    const field = /^Cannot query field "(\w+)" on type "(\w+)"/.exec(message);
    if (field) return `${field[2]}.${field[1]}`;
    const type = /^Unknown type "(\w+)"/.exec(message);
    return type?.[1] ?? message;
  });
}

describe('the public contract', () => {
  for (const file of parts.flatMap((part) => part.files)) {
    it.skipIf(!sharedPresent)(
      `${file} is the same as shared/acceptance's (skipped when ../shared/acceptance is not beside the repository)`,
      () => {
        expect(existsSync(join(sharedDir, file)), `${file} in shared/acceptance`).toBe(true);
        expect(readFileSync(join(contractDir, file), 'utf8')).toBe(
          readFileSync(join(sharedDir, file), 'utf8'),
        );
      },
    );
  }

  it('has every part, each with operations and types, and no operation named twice', () => {
    for (const part of parts) {
      expect(part.operations.length, part.files[0]).toBeGreaterThan(0);
      expect(part.inputs.length, part.files[1]).toBeGreaterThan(0);
    }
    const names = operations.map(({ operation }) => operation.name?.value);
    expect(names.every(Boolean), 'every operation has a name').toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists as not built only operations and types that exist in the contract', () => {
    const names = new Set(operations.map(({ operation }) => operation.name?.value));
    for (const name of Object.keys(NOT_BUILT_YET.operations)) expect(names.has(name), name).toBe(true);
    const typeNames = new Set(parts.flatMap((part) => part.inputs.map(typeDefinitionName)));
    for (const name of Object.keys(NOT_BUILT_YET.types)) expect(typeNames.has(name), name).toBe(true);
  });

  const states = operations.map(({ operation, part }) => {
    const name = operation.name?.value ?? '(anonymous)';
    // graphql-js leaves an operation on a missing root type to execution; the contract needs it here.
    const root = schema.getRootType(operation.operation as OperationTypeNode);
    const errors = root
      ? validate(schema, { kind: Kind.DOCUMENT, definitions: [operation] }).map((error) => error.message)
      : [`the schema has no ${operation.operation} type`];
    return { name, file: part.files[0], errors, missing: NOT_BUILT_YET.operations[name] };
  });

  it('prints the state of every operation', () => {
    const lines = states.map(({ name, file, errors, missing }) =>
      errors.length === 0
        ? `  valid        ${file} ${name}`
        : missing
          ? `  not built    ${file} ${name} (the schema lacks ${missing.join(', ')})`
          : `  INVALID      ${file} ${name}: ${errors.join('; ')}`,
    );
    console.info(`contract operations:\n${lines.join('\n')}`);
    expect(states.length).toBeGreaterThan(0);
  });

  for (const { name, file, errors, missing } of states) {
    if (missing) {
      it.skip(`${file} ${name} validates against the schema (not built yet: the schema lacks ${missing.join(', ')})`, () => {
        expect(errors).toEqual([]);
      });
      it(`${file} ${name} still fails only for lacking ${missing.join(', ')} (remove it from NOT_BUILT_YET once it validates)`, () => {
        expect(errors.length, `${name} validates now: remove it from NOT_BUILT_YET`).toBeGreaterThan(0);
        expect(new Set(missingFor(errors))).toEqual(new Set(missing));
      });
    } else {
      it(`${file} ${name} validates against the schema`, () => {
        expect(errors).toEqual([]);
      });
    }
  }

  for (const part of parts) {
    for (const definition of part.inputs) {
      const name = typeDefinitionName(definition);
      if (!name) continue;
      const problems = typeProblems(definition, schema.getType(name));
      const reason = NOT_BUILT_YET.types[name];
      if (reason) {
        it.skip(`${part.files[1]} ${name} has the contract's fields and values (not built yet: ${reason})`, () => {
          expect(problems).toEqual([]);
        });
        it(`${part.files[1]} ${name} still does not conform (remove it from NOT_BUILT_YET once it does)`, () => {
          expect(problems.length, `${name} conforms now: remove it from NOT_BUILT_YET`).toBeGreaterThan(0);
        });
      } else {
        it(`${part.files[1]} ${name} has the contract's fields and values`, () => {
          expect(problems).toEqual([]);
        });
      }
    }
  }
});
