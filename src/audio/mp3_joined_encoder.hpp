#pragma once
// CBR MP3 encoding on several cores. The audio is cut at quiet moments into segments of at least
// kJoinSegmentSeconds; each segment is encoded by a LAME encoder of its own (on `jobs` threads)
// and the frames are written in order, as the episode assembler joins story parts. Output layout
// as for open_mp3_encoder: ID3v2.4 tag, one Info frame for the whole stream (written at finish()
// over a placeholder, on seekable outputs only), the audio frames.
//
// Joins are seamless in time and sound: a segment ends at a multiple of the frame length (1152
// samples) inside a quiet stretch (below kJoinQuietLevel), at least 20 ms after the sound before
// it, and its last 1152 samples (quiet) are left out, which is exactly what LAME's delay and
// padding add at a join (576 + 576 samples) — so every later sample decodes at the position it
// has in the input, and the join lies in the quiet it replaces. A segment past
// kJoinSegmentSeconds is cut in the next pause of 250 ms or more (a sentence's or a
// paragraph's); 3 s later any quiet stretch of 1152 samples + 20 ms will do. Only when none
// appears within kJoinMaxSegmentSeconds is a segment cut where it stands (that join adds
// 1152-2303 samples of silence; eSpeak NG speech always has such pauses between sentences).
//
// The rest of the pause starts the next segment; its digital silence, all but the last 1152
// samples + 20 ms before the sound, is written as silent frames (header and empty side
// information: no audio data, nothing from the bit reservoir) instead of being encoded — LAME
// spends more than half a speech frame's time on a silent one.
//
// Where segments are cut depends on the audio alone, never on `jobs`: `jobs` 1 (every segment
// encoded on the calling thread) and any other number give byte-identical files.
//
// Memory: at most 2 × `jobs` segments wait or are being encoded (a worker that finishes finds the
// next segment ready instead of waiting for it to be rendered), plus the one being filled and one
// spare; each buffer is reserved once for kJoinMaxSegmentSeconds of 16-bit samples (usually
// filled a little past kJoinSegmentSeconds), with its frames.

#include <memory>

#include "audio/audio_encoder.hpp"
#include "audio/mp3_encoder.hpp"

namespace briefcast {

inline constexpr double kJoinSegmentSeconds = 6.0;
inline constexpr double kJoinMaxSegmentSeconds = 20.0;
// Samples whose magnitude stays below this count as quiet (−60 dBFS).
inline constexpr float kJoinQuietLevel = 0.001f;

// `fd` stays owned by the caller and must stay open until finish() returns. CBR only
// (config.vbr_quality unset: VBR frames are not joined). `jobs` 0 means 1. Throws like
// open_mp3_encoder; a segment's failure is rethrown by the next write() or finish().
std::unique_ptr<AudioEncoder> open_joined_mp3_encoder(int fd, const Mp3Config& config,
                                                      const Tags& tags, unsigned jobs);

}  // namespace briefcast
