/** The note colours as a radio group: arrow keys move between them, as in any radio group. */
import { NOTE_COLOURS, type NoteColour } from '../../notes/types';

export interface ColourPickerProps {
  value: NoteColour;
  onChange(colour: NoteColour): void;
  /** Distinguishes this group's radio name from another picker's on the same page. */
  name: string;
}

export function ColourPicker({ value, onChange, name }: ColourPickerProps) {
  return (
    <fieldset class="colours">
      <legend>Colour</legend>
      {NOTE_COLOURS.map((colour) => (
        <label key={colour} class={`swatch swatch-${colour}`} title={colour}>
          <input type="radio" name={name} value={colour} checked={colour === value} onChange={() => onChange(colour)} />
          <span class="visually-hidden">{colour}</span>
        </label>
      ))}
    </fieldset>
  );
}
