// A discriminated union (a window's `type`, an aggregate's `fn`): a select for the variant, then its own fields.
import { FieldFrame } from './FieldFrame.tsx';
import { blankValue, discriminatorOf, type JsonSchema, variantsOf, variantTag } from './json-schema.ts';
import { ObjectFieldset } from './ObjectFieldset.tsx';
import type { FieldProps } from './SchemaField.tsx';
import { asObject } from './values.ts';

export function VariantFieldset(props: FieldProps) {
  const variants = variantsOf(props.schema) ?? [];
  const key = discriminatorOf(variants);
  const object = asObject(props.value);
  if (!key) return <p className="field-help">This value has no form; edit it in the JSON tab.</p>;
  const discriminator = key;
  const tags = variants.flatMap((variant) => (variantTag(variant.properties?.[key]) ?? []).map((tag) => ({ tag: String(tag), variant })));
  const current = tags.find(({ tag }) => tag === String(object[key]));
  function switchTo(tag: string) {
    const target = tags.find((entry) => entry.tag === tag);
    if (!target) return;
    // Keep the fields both variants share (name, field…); start the rest from the new variant's blanks.
    const blank = asObject(blankValue(target.variant));
    const kept = Object.fromEntries(Object.entries(object).filter(([k]) => k !== key && target.variant.properties?.[k]));
    props.onChange({ ...blank, ...kept, [discriminator]: tag });
  }
  const rest: JsonSchema | undefined = current && {
    ...current.variant,
    properties: Object.fromEntries(Object.entries(current.variant.properties ?? {}).filter(([k]) => k !== key)),
  };
  return (
    <div className="variant" data-pointer={props.pointer}>
      <FieldFrame label={key} pointer={`${props.pointer}/${key}`} help={current?.variant.properties?.[key]?.description}>
        <select value={current?.tag ?? ''} onChange={(e) => switchTo(e.target.value)}>
          {!current && <option value="">(choose)</option>}
          {tags.map(({ tag }) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </FieldFrame>
      {rest && <ObjectFieldset {...props} schema={rest} value={object} legend={false} />}
    </div>
  );
}
