"use client";

import { startTransition, useActionState, useState } from "react";
import { buttonStyles } from "@/components/buttonStyles";
import { FormAlert } from "@/components/FormAlert";
import { SubmitButton } from "@/components/SubmitButton";
import { TextAreaField } from "@/components/TextAreaField";
import { submitKeepingValues } from "@/components/submitKeepingValues";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import type { UpstreamTool } from "@/lib/server/testers/listUpstreamTools";
import { readUpstreamToolsAction } from "./readUpstreamToolsAction";
import { parseToolMap } from "./toolMapText";
import { updateToolMapAction } from "./updateToolMapAction";

type State = ActionResult<{ tools: number }> | null;
type ToolsState = ActionResult<{ tools: UpstreamTool[] }> | null;

interface ToolMapFormProps {
  org: string;
  server: string;
  text: string;
  scopeNames: string[];
  /** Gateway servers: their upstream (or the demo server) can be asked for its tools. */
  canReadTools: boolean;
}

/** The tool→scope map as text, one tool a line; tool names can be read from the upstream. */
export function ToolMapForm({ org, server, text, scopeNames, canReadTools }: ToolMapFormProps) {
  const [state, dispatch, pending] = useActionState<State, FormData>(updateToolMapAction, null);
  const [toolsState, readTools, reading] = useActionState<ToolsState, FormData>(readUpstreamToolsAction, null);
  const [value, setValue] = useState(text);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const parsed = parseToolMap(value);
  const mapped = "map" in parsed ? parsed.map : {};
  const upstreamTools = toolsState?.ok ? toolsState.data.tools : null;
  const missing = (upstreamTools ?? []).filter((tool) => !Object.hasOwn(mapped, tool.name));

  function read() {
    const data = new FormData();
    data.set("org", org);
    data.set("server", server);
    startTransition(() => readTools(data));
  }

  function addMissing() {
    const lines = missing.map((tool) => `${tool.name}:`);
    setValue((current) => [current.trimEnd(), ...lines].filter(Boolean).join("\n"));
  }

  return (
    <div className="space-y-4">
      {canReadTools && (
        <div className="space-y-2">
          <button type="button" onClick={read} disabled={reading} aria-busy={reading || undefined} className={buttonStyles.secondary}>
            {reading ? "Reading…" : "Read tools from upstream"}
          </button>
          <FormAlert message={toolsState && !toolsState.ok ? toolsState.error : null} />
          {upstreamTools && (
            <div role="status" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
              <p>
                The upstream announces {upstreamTools.length} tool{upstreamTools.length === 1 ? "" : "s"}
                {missing.length > 0 ? `; ${missing.length} not in the map yet.` : ", all in the map."}
              </p>
              <ul aria-label="Upstream tools" className="mt-2 space-y-1">
                {upstreamTools.map((tool) => (
                  <li key={tool.name}>
                    <span className="font-mono text-xs font-semibold">{tool.name}</span>
                    {tool.description && <span className="text-xs text-slate-600"> — {tool.description}</span>}
                  </li>
                ))}
              </ul>
              {missing.length > 0 && (
                <button type="button" onClick={addMissing} className={`${buttonStyles.secondary} mt-2`}>
                  Add the missing tools to the map
                </button>
              )}
            </div>
          )}
        </div>
      )}
      <form onSubmit={submitKeepingValues(dispatch)} noValidate className="space-y-3">
        <FormAlert message={state && !state.ok ? state.error : null} />
        {state?.ok && (
          <p role="status" className="text-sm text-emerald-800">
            Tool map saved ({state.data.tools} tool{state.data.tools === 1 ? "" : "s"}).
          </p>
        )}
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="server" value={server} />
        <TextAreaField
          name="toolScopes"
          label="Tool map"
          rows={Math.max(4, value.split("\n").length + 1)}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={"search_files: files:read\ndelete_file: files:read files:write"}
          hint={`One tool per line: "tool_name: scope scope". A call to a tool needs all its scopes; tools not listed need only a valid token. Scopes of this server: ${scopeNames.join(", ") || "none yet"}.`}
          error={errors?.toolScopes}
        />
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save tool map
        </SubmitButton>
      </form>
    </div>
  );
}
