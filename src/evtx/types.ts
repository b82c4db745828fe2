/**
 * Shared vocabulary of the EVTX reader and writer.
 * Value types: MS-EVEN6 BinXml "Value Types"; libevtx "Windows XML Event Log (EVTX)" §3.
 */

/** Binary XML substitution / value types. The 0x80 bit marks an array of the base type. */
export const ValueType = {
  Null: 0x00,
  String: 0x01,
  AnsiString: 0x02,
  Int8: 0x03,
  UInt8: 0x04,
  Int16: 0x05,
  UInt16: 0x06,
  Int32: 0x07,
  UInt32: 0x08,
  Int64: 0x09,
  UInt64: 0x0a,
  Real32: 0x0b,
  Real64: 0x0c,
  Bool: 0x0d,
  Binary: 0x0e,
  Guid: 0x0f,
  SizeT: 0x10,
  FileTime: 0x11,
  SysTime: 0x12,
  Sid: 0x13,
  HexInt32: 0x14,
  HexInt64: 0x15,
  EvtHandle: 0x20,
  BinXml: 0x21,
  EvtXml: 0x23,
} as const;
export type ValueTypeCode = (typeof ValueType)[keyof typeof ValueType];
export const ARRAY_FLAG = 0x80;

/** Binary XML tokens (MS-EVEN6 BinXml grammar). 0x40 on a token means "has more"/"has attributes". */
export const Token = {
  EOF: 0x00,
  OpenStartElement: 0x01,
  CloseStartElement: 0x02,
  CloseEmptyElement: 0x03,
  EndElement: 0x04,
  Value: 0x05,
  Attribute: 0x06,
  CDataSection: 0x07,
  CharRef: 0x08,
  EntityRef: 0x09,
  PITarget: 0x0a,
  PIData: 0x0b,
  TemplateInstance: 0x0c,
  NormalSubstitution: 0x0d,
  OptionalSubstitution: 0x0e,
  FragmentHeader: 0x0f,
} as const;
export const MORE_FLAG = 0x40;

export const FILE_HEADER_SIZE = 4096;
export const CHUNK_SIZE = 65536;
export const CHUNK_HEADER_SIZE = 512;
export const FILE_MAGIC = 'ElfFile\0';
export const CHUNK_MAGIC = 'ElfChnk\0';
export const RECORD_MAGIC = 0x00002a2a;

/** 100 ns ticks between 1601-01-01 and 1970-01-01 (FILETIME epoch offset). */
export const FILETIME_UNIX_EPOCH = 116444736000000000n;
