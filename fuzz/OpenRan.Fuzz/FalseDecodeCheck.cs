using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Fuzz;

/// <summary>
/// Optional oracle for "no false decodes" (issue 13 §1): with <c>OPENRAN_FUZZ_FALSE_DECODES=fail</c>, a receiver that
/// reports a passed CRC for a grid holding no energy at all (every finite value below 1e-30 in magnitude: zeros,
/// denormals, erasures) is a finding. Off by default while the receivers are being made to detect DTX.
/// </summary>
internal static class FalseDecodeCheck
{
    public static bool Enabled { get; } = string.Equals(Environment.GetEnvironmentVariable("OPENRAN_FUZZ_FALSE_DECODES"), "fail", StringComparison.Ordinal);

    /// <summary>Whether the configured part of the grid holds no energy (only evaluated when the check is enabled).</summary>
    public static bool IsSilent(ResourceGrid grid)
    {
        if (!Enabled)
        {
            return false;
        }

        for (int port = 0; port < grid.PortCount; port++)
        {
            for (int symbol = 0; symbol < grid.SymbolCount; symbol++)
            {
                if (!IsSilent(grid.Symbol(port, symbol)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether every finite sample is below 1e-30 in magnitude.</summary>
    public static bool IsSilent(ReadOnlySpan<ComplexF32> samples)
    {
        foreach (ComplexF32 s in samples)
        {
            if ((float.IsFinite(s.Re) && MathF.Abs(s.Re) >= 1e-30f) || (float.IsFinite(s.Im) && MathF.Abs(s.Im) >= 1e-30f))
            {
                return false;
            }
        }

        return true;
    }

    public static void ThrowIfDecodedFromSilence(bool silent, bool crcPassed, string target)
    {
        if (Enabled && silent && crcPassed)
        {
            throw new InvalidOperationException($"{target}: CRC passed on a grid without energy (false decode).");
        }
    }
}
