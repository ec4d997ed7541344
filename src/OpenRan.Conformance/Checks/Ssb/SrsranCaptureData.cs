using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Conformance.Checks.Ssb;

/// <summary>
/// What the srsRAN capture checks share (README §2.2-2.4 of the vector set): the location of srsRAN's decode
/// (<c>srsran_4g/expected/expected.json</c>, next to the <c>iq</c> folder), reading a capture, and comparing a decoded
/// PBCH with srsRAN's MIB.
/// </summary>
internal static class SrsranCaptureData
{
    /// <summary>The expected.json belonging to the capture <paramref name="capturePath"/> (srsran_4g/iq/x → srsran_4g/expected/expected.json).</summary>
    public static string ExpectedPath(string capturePath) => Path.Combine(Path.GetDirectoryName(capturePath)!, "..", "expected", "expected.json");

    /// <summary>Reads a capture of interleaved little-endian float32 I/Q pairs (numpy complex64).</summary>
    public static ComplexF32[] ReadSamples(string capturePath) => MemoryMarshal.Cast<byte, ComplexF32>(File.ReadAllBytes(capturePath)).ToArray();

    /// <summary>
    /// Null when the decoded PBCH agrees with srsRAN's decode <paramref name="ssbExpected"/> (an expected.json entry with
    /// <c>mib_payload_24bit_hex</c>, <c>mib</c>, <c>ssb_idx</c> and <c>hrf</c>), else the first field that differs: the
    /// 24-bit BCCH-BCH payload (TS 38.331 §6.2.2), SFN, k_SSB, controlResourceSetZero, searchSpaceZero, cellBarred, the
    /// block index and the half frame (TS 38.212 §7.1.1).
    /// </summary>
    public static string? MibDifference(JsonElement ssbExpected, Mib mib, PbchReceiveResult pbch)
    {
        var mibBits = new byte[Mib.PackedLength];
        mib.Pack(mibBits);
        var packed = new byte[Mib.PackedLength / 8];
        BitPacking.Pack(mibBits, packed);
        string payload = Convert.ToHexString(packed);
        JsonElement fields = ssbExpected.GetProperty("mib");
        bool barred = fields.GetProperty("cellBarred").GetString() == "barred";
        return !string.Equals(payload, ssbExpected.GetProperty("mib_payload_24bit_hex").GetString(), StringComparison.OrdinalIgnoreCase) ? $"MIB payload {payload}"
            : mib.SystemFrameNumber != fields.GetProperty("sfn").GetInt32() ? $"SFN {mib.SystemFrameNumber}"
            : mib.SsbSubcarrierOffset != fields.GetProperty("ssb_SubcarrierOffset_kSSB").GetInt32() ? $"k_SSB {mib.SsbSubcarrierOffset}"
            : mib.ControlResourceSetZero != fields.GetProperty("controlResourceSetZero").GetInt32() ? $"controlResourceSetZero {mib.ControlResourceSetZero}"
            : mib.SearchSpaceZero != fields.GetProperty("searchSpaceZero").GetInt32() ? $"searchSpaceZero {mib.SearchSpaceZero}"
            : mib.CellBarred != barred ? $"cellBarred {mib.CellBarred}"
            : pbch.SsbIndex != ssbExpected.GetProperty("ssb_idx").GetInt32() || pbch.HalfFrame != ssbExpected.GetProperty("hrf").GetInt32() ? $"block {pbch.SsbIndex}, half frame {pbch.HalfFrame}"
            : null;
    }
}
