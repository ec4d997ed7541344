using System;

namespace OpenRan.Simulation.Coding;

/// <summary>The counts of one E_b/N_0 point.</summary>
/// <param name="EbN0Db">E_b/N_0 in dB.</param>
/// <param name="EsN0Db">E_s/N_0 in dB: E_b/N_0 + 10·log10(R · bits per symbol), R = K/E.</param>
/// <param name="NoiseVariance">σ² per real dimension, N_0/2 with E_s = 1.</param>
/// <param name="Frames">Frames simulated.</param>
/// <param name="FrameErrors">Frames whose decoded information bits differ from the transmitted ones.</param>
/// <param name="BitErrors">Information bits in error.</param>
/// <param name="InformationBits">Information bits simulated.</param>
/// <param name="DecoderFailures">Frames whose decoder verdict was failure (parity or CRC check).</param>
/// <param name="UndetectedErrors">Frame errors the decoder reported as success.</param>
/// <param name="ElapsedSeconds">Wall-clock time of the point.</param>
public sealed record CodedAwgnPointResult(
    double EbN0Db,
    double EsN0Db,
    double NoiseVariance,
    long Frames,
    long FrameErrors,
    long BitErrors,
    long InformationBits,
    long DecoderFailures,
    long UndetectedErrors,
    double ElapsedSeconds)
{
    /// <summary>Frame-error rate.</summary>
    public double FrameErrorRate => Frames == 0 ? 0 : (double)FrameErrors / Frames;

    /// <summary>Bit-error rate of the information bits.</summary>
    public double BitErrorRate => InformationBits == 0 ? 0 : (double)BitErrors / InformationBits;

    /// <summary>The 95 % Wilson score interval of the frame-error rate.</summary>
    public (double Low, double High) FrameErrorRateInterval
    {
        get
        {
            if (Frames == 0)
            {
                return (0, 1);
            }

            const double z = 1.959963984540054; // Φ^−1(0.975)
            double n = Frames, p = FrameErrorRate, z2 = z * z;
            double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
            double half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
            double low = centre - half;
            return (low < 1e-12 ? 0 : low, Math.Min(1, centre + half));
        }
    }
}
