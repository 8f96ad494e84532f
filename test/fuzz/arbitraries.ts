import fc from 'fast-check';

/** The part of JSON Schema (OpenAPI 3.1) the API's documents use. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  example?: unknown;
}

/** Values known to break servers: NUL and other controls, huge and odd numbers, bad dates and ids. */
export const nastyStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\u202efdp.exe',
  '\ud800',
  '\udfff\ud800',
  '%00',
  '../../etc/passwd',
  "'; drop table contracts; --",
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  'NaN',
  '-0',
  'Infinity',
  '1e308',
  'null',
  'true',
  '0x10',
  '2026-13-45',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '2026-H3',
  '2026-H0',
  '99999-H1',
  '2026-02-29T25:61:00Z',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '6f1c2f9e-0000-4000-8000-00000000000g',
  'é'.repeat(400),
  '😀'.repeat(300),
  'x'.repeat(1_000_000),
];

export const nastyNumbers: readonly unknown[] = [
  0,
  -0,
  -1,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 63,
  0.1,
  1e-300,
  'NaN',
  '1',
  '1e308',
];

export const nastyValues: readonly unknown[] = [
  ...nastyStrings,
  ...nastyNumbers,
  null,
  true,
  false,
  [],
  {},
  [null],
  { __proto__: { admin: true } },
  { constructor: { prototype: { x: 1 } } },
];

/** JSON text nested `depth` levels deep: `[[[...]]]`. */
export const deepJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

export const nastyStringArb = fc.constantFrom(...nastyStrings);
export const nastyValueArb = fc.constantFrom(...nastyValues);

type Components = Record<string, JsonSchema>;

/**
 * A fast-check arbitrary of values for a JSON schema: mostly valid ones (so requests get past the
 * validator into use cases and queries), each field sometimes a nasty value, sometimes left out.
 */
export function arbitraryOf(schema: JsonSchema, components: Components, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.split('/').at(-1) ?? '';
    const target = components[name];
    return target && depth < 6 ? arbitraryOf(target, components, depth + 1) : fc.constant({});
  }
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return fc.oneof(...options.map((s) => arbitraryOf(s, components, depth + 1)));
  if (schema.allOf?.length) {
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf) {
      const resolved = part.$ref ? components[part.$ref.split('/').at(-1) ?? ''] : part;
      Object.assign(merged.properties ?? {}, resolved?.properties ?? {});
      merged.required?.push(...(resolved?.required ?? []));
    }
    return arbitraryOf(merged, components, depth + 1);
  }
  const valid = validArbitrary(schema, components, depth);
  return fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: nastyValueArb });
}

function validArbitrary(schema: JsonSchema, components: Components, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nullable = schema.nullable || types.includes('null');
  const type = types.find((t) => t !== 'null') ?? (schema.properties ? 'object' : undefined);
  let arb: fc.Arbitrary<unknown>;
  switch (type) {
    case 'string':
      arb = stringArbitrary(schema);
      break;
    case 'integer':
      arb = fc.integer({
        min: Math.max(Number.MIN_SAFE_INTEGER, schema.minimum ?? (schema.exclusiveMinimum ?? -1e6) + 1),
        max: Math.min(Number.MAX_SAFE_INTEGER, schema.maximum ?? (schema.exclusiveMaximum ?? 1e12) - 1),
      });
      break;
    case 'number':
      arb = fc.double({
        min: schema.minimum ?? -1e12,
        max: schema.maximum ?? 1e12,
        noNaN: true,
        noDefaultInfinity: true,
      });
      break;
    case 'boolean':
      arb = fc.boolean();
      break;
    case 'array':
      arb = fc.array(schema.items ? arbitraryOf(schema.items, components, depth + 1) : fc.anything(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
      break;
    case 'object':
      arb = objectArbitrary(schema, components, depth);
      break;
    default:
      arb = fc.jsonValue({ maxDepth: 2 });
  }
  return nullable ? fc.option(arb, { nil: null, freq: 8 }) : arb;
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  switch (schema.format) {
    case 'date':
      return fc.oneof(
        fc
          .date({ min: new Date('2018-01-01'), max: new Date('2032-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom('2026-02-30', '2026-13-45', '2025-02-29', '0000-01-01', '2026-00-10'),
      );
    case 'date-time':
      return fc
        .date({ min: new Date('2018-01-01'), max: new Date('2032-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
    default:
  }
  if (schema.example !== undefined && typeof schema.example === 'string') {
    // Examples carry the form of patterned strings (half-years, KvK numbers, slugs).
    return fc.oneof(
      fc.constant(schema.example),
      fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) }),
    );
  }
  return fc.string({
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 40, 40),
    unit: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...'abcdefghij KLM-0123456789é') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    ),
  });
}

function objectArbitrary(schema: JsonSchema, components: Components, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, value] of Object.entries(properties))
    record[key] = arbitraryOf(value, components, depth + 1);
  const keys = Object.keys(record);
  // Required keys are present unless one is dropped on purpose; optional ones come and go.
  return fc
    .tuple(
      fc.record(record, { requiredKeys: keys.filter((k) => required.has(k)) }),
      fc.option(fc.constantFrom(...(keys.length ? keys : ['x'])), { freq: 5 }),
      fc.option(fc.tuple(fc.string({ maxLength: 12 }), nastyValueArb), { freq: 6 }),
    )
    .map(([value, dropped, extra]) => {
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      if (dropped !== null) delete out[dropped];
      if (extra) out[extra[0]] = extra[1];
      return out;
    });
}
