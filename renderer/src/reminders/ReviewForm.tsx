import { useState } from 'react';
import type { ReviewCadence } from '@shared/reminders/types';
import { Field } from '../ui/Field';
import { useScorecardStore } from '../scorecard/scorecard-store';
import { onEnter } from './enter-key';
import { useRemindersStore } from './reminders-store';

// The review meeting of the scorecard on screen: when it meets, and what to prepare.

type Choice = 'none' | ReviewCadence;

export function ReviewForm() {
  const { scorecards, selectedId } = useScorecardStore();
  const { settings, setReview, removeReview } = useRemindersStore();
  const scorecard = scorecards.find((s) => s.id === selectedId);
  const current = settings?.reviews.find((r) => r.scorecardId === selectedId);
  const [cadence, setCadence] = useState<Choice>(current?.cadence ?? 'none');
  const [weeks, setWeeks] = useState(String(current?.intervalWeeks ?? 2));
  const [startDate, setStartDate] = useState(current?.startDate ?? '');
  const [time, setTime] = useState(current?.timeOfDay ?? '09:00');
  const [lead, setLead] = useState(String(current?.leadDays ?? 1));
  const [prepare, setPrepare] = useState(current?.prepare ?? '');
  if (!scorecard) return null;

  function save() {
    if (!scorecard) return;
    if (cadence === 'none') {
      void removeReview(scorecard.id);
      return;
    }
    void setReview({
      scorecardId: scorecard.id,
      cadence,
      intervalWeeks: Number(weeks),
      ...(cadence === 'custom' && startDate ? { startDate } : {}),
      timeOfDay: time,
      leadDays: Number(lead),
      prepare,
    });
  }

  return (
    <fieldset>
      <legend>Review meeting of {scorecard.name}</legend>
      <Field label="Meets">
        {(control) => (
          <select
            {...control}
            value={cadence}
            onChange={(e) => setCadence(e.target.value as Choice)}
          >
            <option value="none">No review reminders</option>
            <option value="monthly">Monthly, first Monday</option>
            <option value="quarterly">Quarterly, first Monday of the quarter</option>
            <option value="custom">Every few weeks</option>
          </select>
        )}
      </Field>
      {cadence === 'custom' ? (
        <>
          <Field label="Every (weeks)">
            {(control) => (
              <input
                {...control}
                onKeyDown={onEnter(save)}
                type="number"
                min={1}
                max={52}
                value={weeks}
                onChange={(e) => setWeeks(e.target.value)}
              />
            )}
          </Field>
          <Field label="First meeting">
            {(control) => (
              <input
                {...control}
                onKeyDown={onEnter(save)}
                type="date"
                value={startDate}
                onChange={(e) => setStartDate(e.target.value)}
              />
            )}
          </Field>
        </>
      ) : null}
      {cadence !== 'none' ? (
        <>
          <Field label="Remind at">
            {(control) => (
              <input
                {...control}
                onKeyDown={onEnter(save)}
                type="time"
                value={time}
                onChange={(e) => setTime(e.target.value)}
              />
            )}
          </Field>
          <Field label="Days before the meeting">
            {(control) => (
              <input
                {...control}
                onKeyDown={onEnter(save)}
                type="number"
                min={0}
                max={30}
                value={lead}
                onChange={(e) => setLead(e.target.value)}
              />
            )}
          </Field>
          <Field label="What to prepare">
            {(control) => (
              <input
                {...control}
                onKeyDown={onEnter(save)}
                type="text"
                value={prepare}
                onChange={(e) => setPrepare(e.target.value)}
              />
            )}
          </Field>
        </>
      ) : null}
      <button type="button" onClick={save}>
        Save review meeting
      </button>
    </fieldset>
  );
}
