// Move the keyboard focus to an element when a value changes (not on the first render): the
// new step of a multi-step form, or the message that replaced a form, so keyboard and
// screen-reader users continue from there. The element needs tabIndex={-1}.
import { useEffect, useRef } from "react";

export function useFocusOnChange<T extends HTMLElement>(value: unknown) {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [value]);
  return ref;
}
