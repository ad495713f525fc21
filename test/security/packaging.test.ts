// Packaging: electron-builder's config is valid against its own schema, targets every platform the app
// ships on, and burns the security fuses into the Electron binary.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util/out/DebugLogger';
import type { Configuration } from 'app-builder-lib';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { build: Configuration; main: string };
const config = pkg.build;

describe('electron-builder configuration', () => {
  it('passes electron-builder’s schema validation', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and builds NSIS, dmg, AppImage and deb with our icons', () => {
    expect(config.appId).toBe('cn.microneedle.trainer');
    expect(config.productName).toBe('Microneedling Trainer');
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.desktop?.entry?.['Name[zh_CN]']).toBe('微针操作实训考核系统');
    for (const icon of [config.win?.icon, config.mac?.icon]) expect(existsSync(path.join(root, String(icon))), String(icon)).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(existsSync(path.join(root, 'assets/icons', `${size}x${size}.png`))).toBe(true);
  });

  it('packs the app into an asar with only the built output', () => {
    expect(config.asar).toBe(true);
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*']));
  });
});

describe('Electron fuses', () => {
  const fuses = config.electronFuses;
  it('cannot run as plain Node (runAsNode off)', () => expect(fuses?.runAsNode).toBe(false));
  it('ignores NODE_OPTIONS (enableNodeOptionsEnvironmentVariable off)', () => expect(fuses?.enableNodeOptionsEnvironmentVariable).toBe(false));
  it('ignores --inspect arguments (enableNodeCliInspectArguments off)', () => expect(fuses?.enableNodeCliInspectArguments).toBe(false));
  it('validates the asar’s integrity (enableEmbeddedAsarIntegrityValidation on)', () =>
    expect(fuses?.enableEmbeddedAsarIntegrityValidation).toBe(true));
  it('loads the app only from the asar (onlyLoadAppFromAsar on)', () => expect(fuses?.onlyLoadAppFromAsar).toBe(true));
  it('gives file:// no extra privileges', () => expect(fuses?.grantFileProtocolExtraPrivileges).toBe(false));
});
