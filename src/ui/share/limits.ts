/**
 * What a share link may carry. The decoder checks every limit before it does the work the
 * limit protects (base64 before inflating, inflated size while inflating, JSON shape after), so a
 * crafted link costs at most these amounts of time and memory. The encoder never produces a link
 * past them (a workspace too large to share says so instead).
 */

/** The fragment key: `#share=v1.<payload>`. */
export const SHARE_KEY = 'share';
/** The payload format this build writes and reads. */
export const SHARE_VERSION = 'v1';

/** Longest base64url payload read (Chromium accepts URLs up to 2 MB; most tools far less). */
export const MAX_PAYLOAD_CHARS = 2_000_000;
/** Most bytes the compressed payload may inflate to (a zip bomb stops here). */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;
/** Compressed bytes handed to the inflater at a time: each push can grow the output by ~1 MB at most. */
export const INFLATE_CHUNK_BYTES = 1024;

export const MAX_FILES = 500;
export const MAX_FILE_NAME_CHARS = 200;
export const MAX_TITLE_CHARS = 200;
export const MAX_POSITIONS = 20_000;
export const MAX_NODE_ID_CHARS = 600;
/** Largest canvas coordinate accepted (React Flow handles far less in practice). */
export const MAX_COORDINATE = 10_000_000;
export const MAX_SCENARIO_ID_CHARS = 100;
export const MAX_GUIDE_STEP = 1000;

/** Past this many characters a link risks being cut by chat tools, mail clients and some browsers. */
export const LONG_LINK_CHARS = 8000;
