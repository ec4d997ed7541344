using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Dsp.Randomness;

namespace OpenRan.Conformance.Cases;

/// <summary>
/// The channel the receive checks pass reference grids through: a fixed unitary mixing of the transmit ports onto as
/// many receive ports (the normalised DFT matrix U[r, p] = e^{j2πrp/P}/√P, which makes every layer reach every
/// receive port) plus, optionally, white Gaussian noise of a given SNR per receive element relative to unit-power
/// transmit ports (σ² = 10^(−SNR/10)), from a seeded generator so every run sees the same noise.
/// </summary>
public static class TestChannel
{
    /// <summary>Writes received[r] = Σ_p U[r, p]·transmitted[p] + n into <paramref name="received"/> (reconfigured to the same shape).</summary>
    /// <param name="transmitted">The transmitted grid.</param>
    /// <param name="snrDb">SNR in dB, or +∞ for no noise.</param>
    /// <param name="seed">Noise generator seed.</param>
    /// <param name="received">Receives the result.</param>
    public static void Apply(ResourceGrid transmitted, double snrDb, int seed, ResourceGrid received)
    {
        ArgumentNullException.ThrowIfNull(transmitted);
        ArgumentNullException.ThrowIfNull(received);
        int ports = transmitted.PortCount;
        received.Configure(ports, transmitted.SymbolCount, transmitted.NSizeGrid, transmitted.NStartGrid);
        var random = new Random(seed);
        double sigma = double.IsPositiveInfinity(snrDb) ? 0 : Math.Sqrt(Math.Pow(10, -snrDb / 10) / 2);
        for (int r = 0; r < ports; r++)
        {
            for (int l = 0; l < transmitted.SymbolCount; l++)
            {
                Span<ComplexF32> output = received.Symbol(r, l);
                for (int p = 0; p < ports; p++)
                {
                    ComplexF32 u = ComplexF32.FromPolar(1 / Math.Sqrt(ports), 2 * Math.PI * r * p / ports);
                    ReadOnlySpan<ComplexF32> input = transmitted.Symbol(p, l);
                    for (int k = 0; k < output.Length; k++)
                    {
                        output[k] += u * input[k];
                    }
                }

                if (sigma > 0)
                {
                    for (int k = 0; k < output.Length; k++)
                    {
                        output[k] += new ComplexF32((float)(StandardNormal.Next(random) * sigma), (float)(StandardNormal.Next(random) * sigma));
                    }
                }
            }
        }
    }
}
