import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeHeadModel, encodeHeadModel, parseHeadModelMeta, verifyHeadModelBinary } from '../../../core/head-model/format';
import { HEAD_BIN_PATH, HEAD_META_PATH, readShippedHeadModelFiles } from '../../../core/node/head-model-file';

const { meta, bin } = readShippedHeadModelFiles();

describe('head model binary format', () => {
  it('round-trips: encode(decode(bin)) gives back the same bytes, decode(encode(x)) the same model', () => {
    const model = decodeHeadModel(bin, meta);
    const again = encodeHeadModel(model);
    expect(again.length).toBe(bin.length);
    expect(Buffer.from(again).equals(Buffer.from(bin))).toBe(true);
    const twice = decodeHeadModel(again, meta);
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(twice.positions).equals(bytes(model.positions))).toBe(true);
    expect(bytes(twice.normals).equals(bytes(model.normals))).toBe(true);
    expect(bytes(twice.uvs).equals(bytes(model.uvs))).toBe(true);
    expect(bytes(twice.indices).equals(bytes(model.indices))).toBe(true);
    expect(bytes(twice.vertexRegion).equals(bytes(model.vertexRegion))).toBe(true);
    expect(twice.regions).toEqual(model.regions);
    expect(twice.landmarks).toEqual(model.landmarks);
    expect(bytes(twice.appearance).equals(bytes(model.appearance))).toBe(true);
    expect(bytes(twice.notSkin).equals(bytes(model.notSkin))).toBe(true);
    expect(twice.eyes).toEqual(model.eyes);
  });

  it('refuses unknown flag bits and metadata without the variant, the eyes or the appearance channels', () => {
    const badFlags = bin.slice();
    const v = meta.counts.vertices;
    const flagsAt = bin.length - ((v + 3) & ~3); // the flags are the last section
    badFlags[flagsAt] = 0x84;
    expect(() => decodeHeadModel(badFlags, meta)).toThrow(new RegExp(`offset ${flagsAt}: unknown flag bits`));
    const json = JSON.parse(readFileSync(HEAD_META_PATH, 'utf8'));
    json.variant = 'child';
    expect(() => parseHeadModelMeta(json, 'head-model.json')).toThrow(/head-model.json\/variant/);
    const json2 = JSON.parse(readFileSync(HEAD_META_PATH, 'utf8'));
    json2.eyes.pop();
    expect(() => parseHeadModelMeta(json2, 'head-model.json')).toThrow(/head-model.json\/eyes/);
    const json3 = JSON.parse(readFileSync(HEAD_META_PATH, 'utf8'));
    json3.appearanceChannels.reverse();
    expect(() => parseHeadModelMeta(json3, 'head-model.json')).toThrow(/head-model.json\/appearanceChannels: expected the channels/);
  });

  it('rejects a bad magic, version, truncation and out-of-range indices with where and what', () => {
    const badMagic = bin.slice();
    badMagic[0] = 0x58;
    expect(() => decodeHeadModel(badMagic, meta)).toThrow(/offset 0: magic/);
    const badVersion = bin.slice();
    new DataView(badVersion.buffer).setUint32(4, 99, true);
    expect(() => decodeHeadModel(badVersion, meta)).toThrow(/offset 4: format version 99/);
    expect(() => decodeHeadModel(bin.slice(0, bin.length - 4), meta)).toThrow(/bytes, expected/);
    expect(() => decodeHeadModel(bin.slice(0, 10), meta)).toThrow(/shorter than the 32-byte header/);
    const badIndex = bin.slice();
    const v = meta.counts.vertices;
    const indicesAt = 32 + v * 12 + ((v * 6 + 3) & ~3) + v * 4;
    new DataView(badIndex.buffer).setUint32(indicesAt, v + 5, true);
    expect(() => decodeHeadModel(badIndex, meta)).toThrow(new RegExp(`offset ${indicesAt}: index ${v + 5}`));
  });

  it('checks the binary against the recorded hash', () => {
    const tampered = bin.slice();
    tampered[100] ^= 1;
    expect(() => verifyHeadModelBinary(tampered, meta, 'x.bin')).toThrow(/x.bin: sha256 .* does not match \/binary\/sha256/);
  });

  it('validates the metadata with a JSON pointer to the bad field', () => {
    const json = JSON.parse(readFileSync(HEAD_META_PATH, 'utf8'));
    json.regions[3].id = 'elbow';
    expect(() => parseHeadModelMeta(json, 'head-model.json')).toThrow(/head-model.json\/regions\/3\/id: unknown region id/);
    const json2 = JSON.parse(readFileSync(HEAD_META_PATH, 'utf8'));
    delete json2.binary.sha256;
    expect(() => parseHeadModelMeta(json2)).toThrow(/\/binary\/sha256/);
  });

  it('points the metadata at the shipped binary', () => {
    expect(HEAD_BIN_PATH.endsWith(meta.binary.file)).toBe(true);
    expect(meta.binary.bytes).toBe(bin.length);
  });
});
