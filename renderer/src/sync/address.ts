// The server address as the backend takes it: the address typed, with the password typed
// beside it put into it (a password typed in the address itself works too).

export function addressWith(address: string, password: string): string | null {
  const trimmed = address.trim();
  if (password === '') return trimmed;
  try {
    const url = new URL(trimmed);
    url.password = encodeURIComponent(password);
    return url.toString();
  } catch {
    return null;
  }
}

export const ADDRESS_HELP = 'postgres://USER@HOST:PORT/DATABASE, from whoever set the server up.';

/** A failed call's message under the field it is about, or for the whole form. */
export function placeError(
  error: { message: string; field?: string | undefined },
  fields: readonly string[],
): { field: string | null; message: string } {
  const field = error.field !== undefined && fields.includes(error.field) ? error.field : null;
  return { field, message: error.message };
}
