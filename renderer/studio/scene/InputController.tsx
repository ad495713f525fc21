// Native pointer listeners on the canvas: every coalesced pointer event is raycast and handed to the
// session input at once (input never waits for a frame). The left button works the device; the orbit
// controls use the right (rotate) and middle (pan) buttons and the wheel (zoom).

import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Raycaster, Vector2 } from 'three';
import type { SurfacePicker } from '../head/picker';
import { coalescedEvents } from '../input/pressure';
import { createSessionInput, type PointerInput } from '../input/session-input';
import { useStudioStoreApi } from '../store';
import type { CursorState } from './cursor';

/** Longest wait for a redraw while the pointer moves (about 8 frames a second at worst). */
export const MOVE_FRAME_MS = 120;

export function InputController({ picker, cursor }: { picker: SurfacePicker; cursor: CursorState }) {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const store = useStudioStoreApi();
  const input = useMemo(() => createSessionInput(store, picker, cursor), [store, picker, cursor]);

  useEffect(() => {
    const el = gl.domElement;
    // While the device moves, ask for a frame at most every MOVE_FRAME_MS: on a slow (software) GPU a
    // frame per pointer event would hold input back until each frame is drawn.
    let lastFrameAt = -Infinity;
    let pending: ReturnType<typeof setTimeout> | null = null;
    const requestMoveFrame = () => {
      const now = performance.now();
      if (now - lastFrameAt >= MOVE_FRAME_MS) {
        lastFrameAt = now;
        invalidate();
      } else if (!pending) {
        pending = setTimeout(() => {
          pending = null;
          lastFrameAt = performance.now();
          invalidate();
        }, MOVE_FRAME_MS - (now - lastFrameAt));
      }
    };
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    const toInput = (e: PointerEvent, rect: DOMRect): PointerInput => {
      ndc.set(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, camera);
      return {
        timeStamp: e.timeStamp,
        pointerType: e.pointerType,
        pressure: e.pressure,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        buttons: e.buttons,
        ray: raycaster.ray.clone(),
      };
    };
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0) return;
      el.setPointerCapture?.(e.pointerId);
      input.down(toInput(e, el.getBoundingClientRect()));
      invalidate();
      // Let the RF pulse flash fade out.
      setTimeout(() => invalidate(), 450);
    };
    const onMove = (e: PointerEvent) => {
      const rect = el.getBoundingClientRect();
      input.move(coalescedEvents(e).map((c) => toInput(c, rect)));
      requestMoveFrame();
    };
    const onUp = (e: PointerEvent) => {
      if (e.button !== 0 && e.type === 'pointerup') return;
      input.up(toInput(e, el.getBoundingClientRect()));
      invalidate();
    };
    const onLeave = () => store.getState().setHoverRegion(null);
    const onContextMenu = (e: Event) => e.preventDefault();
    // One abort removes every listener added with its signal.
    const listeners = new AbortController();
    const { signal } = listeners;
    el.addEventListener('pointerdown', onDown, { signal });
    el.addEventListener('pointermove', onMove, { signal });
    el.addEventListener('pointerup', onUp, { signal });
    el.addEventListener('pointercancel', onUp, { signal });
    el.addEventListener('pointerleave', onLeave, { signal });
    el.addEventListener('contextmenu', onContextMenu, { signal });
    return () => {
      if (pending) clearTimeout(pending);
      listeners.abort();
    };
  }, [gl, camera, input, store, invalidate]);

  // Any change of studio state (view, overlay, steps...) may change the picture.
  useEffect(() => store.subscribe(() => invalidate()), [store, invalidate]);

  // Skin tension is held with the T key (or the toggle in the panel); light pressure with the L key.
  useEffect(() => {
    const set = (on: boolean) => (e: KeyboardEvent) => {
      // Typing in a field (a minutes box, a select) is not holding a key on the device.
      if (on && e.target instanceof HTMLElement && e.target.closest('input[type="number"], input[type="text"], textarea')) return;
      if (e.key === 't' || e.key === 'T') store.getState().setSkinTensionKey(on);
      if (e.key === 'l' || e.key === 'L') store.getState().setLightKey(on);
    };
    const down = set(true);
    const up = set(false);
    const blur = () => {
      store.getState().setSkinTensionKey(false);
      store.getState().setLightKey(false);
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, [store]);

  return null;
}
