import { useId, useState } from 'react';
import { logoProblem, MAX_LOGO_BYTES } from '@shared/report/option-choices';

// The cover logo: a PNG or JPEG the user picks, read into a data URL (the report is printed
// offline and the logo travels inside the workspace file), checked before it is accepted.

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      typeof reader.result === 'string'
        ? resolve(reader.result)
        : reject(new Error('The file could not be read.'));
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export function LogoPicker({
  logo,
  onChange,
}: {
  logo: string | null;
  onChange(logo: string | null): void;
}) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);

  async function pick(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) {
      setProblem(
        `${file.name} is ${Math.ceil(file.size / 1024)} KB; use an image of at most ${MAX_LOGO_BYTES / 1024} KB.`,
      );
      return;
    }
    try {
      const dataUrl = await readAsDataUrl(file);
      const issue = logoProblem(dataUrl);
      setProblem(issue ? `${file.name}: ${issue}.` : null);
      if (!issue) onChange(dataUrl);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>Logo (PNG or JPEG)</label>
      <input
        id={id}
        type="file"
        accept="image/png,image/jpeg"
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(event) => {
          void pick(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {problem ? (
        <p id={`${id}-error`} className="error-text" role="alert">
          {problem}
        </p>
      ) : null}
      {logo ? (
        <>
          <img src={logo} alt="Chosen logo" className="logo-preview" />
          <button type="button" onClick={() => onChange(null)}>
            Remove logo
          </button>
        </>
      ) : null}
    </div>
  );
}
