import { type FormEvent, startTransition } from "react";

/**
 * An onSubmit handler that runs a useActionState dispatch without React's automatic form reset,
 * so a refused form keeps what the person typed.
 */
export function submitKeepingValues(dispatch: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
}
