"use client";

import { useState } from "react";
import { TextField } from "./TextField";

/** A URL slug suggested from an org name: ASCII lower-case, inner hyphens, at most 40 characters. */
function suggestSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40)
    .replace(/^-+|-+$/g, "");
}

interface OrgNameSlugFieldsProps {
  nameField: string;
  errors?: Record<string, string>;
  publicUrl: string;
}

/** Organization name and slug; the slug follows the name until the person edits it. */
export function OrgNameSlugFields({ nameField, errors, publicUrl }: OrgNameSlugFieldsProps) {
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const shownSlug = slugEdited ? slug : suggestSlug(name);

  return (
    <>
      <TextField
        name={nameField}
        label="Organization name"
        autoComplete="organization"
        required
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors?.[nameField]}
      />
      <TextField
        name="slug"
        label="Organization slug"
        required
        maxLength={40}
        autoCapitalize="none"
        spellCheck={false}
        value={shownSlug}
        onChange={(e) => {
          setSlugEdited(true);
          setSlug(e.target.value);
        }}
        hint={`Lower-case letters, digits and hyphens. The issuer will be ${publicUrl}/orgs/${shownSlug || "…"}`}
        error={errors?.slug}
      />
    </>
  );
}
