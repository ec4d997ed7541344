using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>
/// Receiver-side CSI-RS processing at one receive antenna (the measurement a UE makes on an NZP-CSI-RS resource):
/// extracts the resource elements of TS 38.211 §7.4.1.5.3, removes the sequence and the CDM cover and averages, per
/// port and carried block, Ĥ_p(n) = (1/(β·N_p)) Σ w_f(k′)w_t(l′)·r*(m′)·y(k, l) over the N_p elements of the port's CDM
/// group(s) in the block (the other ports of a CDM group cancel when the channel is flat over the group).
/// </summary>
/// <remarks>
/// Noise: with a channel linear over three neighbouring carried blocks, d(n) = Ĥ(n) − (Ĥ(n−1) + Ĥ(n+1))/2 holds only
/// estimation noise of variance 1.5·σ²/(β²·N_p); σ² = mean |d|²·β²·N_p/1.5, averaged over ports. CSI-RSRP corrects
/// mean |Ĥ|² by the estimation-noise variance σ²/(β²·N_p). Buffers sized at construction; estimating allocates nothing.
/// </remarks>
public sealed class CsiRsChannelEstimator
{
    private readonly CsiRsMapper _reference = new();
    private readonly int[] _elementsPerPort = new int[32];

    /// <summary>Estimates the channel of every port of <paramref name="configuration"/> from <paramref name="received"/>.</summary>
    /// <param name="received">The received slot grid.</param>
    /// <param name="rxPort">The receive antenna (grid port) to measure.</param>
    /// <param name="configuration">The NZP-CSI-RS resource.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="result">Receives the measurement; <see cref="CsiRsMeasurement.MaxPorts"/> ≥ X.</param>
    public void Estimate(ResourceGrid received, int rxPort, CsiRsConfiguration configuration, int slot, CsiRsMeasurement result)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(result);
        if (configuration.ZeroPower)
        {
            ThrowHelper.ThrowArgument(nameof(configuration), "a zero-power CSI-RS resource carries nothing to measure");
        }

        CsiRsPattern pattern = configuration.Pattern;
        if (pattern.PortCount > result.MaxPorts)
        {
            ThrowHelper.ThrowOutOfRange(nameof(result), result.MaxPorts, $"a measurement with room for {pattern.PortCount} ports");
        }

        ThrowHelper.ThrowIfOutside(rxPort, 0, received.PortCount - 1);
        result.PortCount = pattern.PortCount;
        result.BlockCount = 0;
        result.NoiseVariance = float.NaN;
        if (!_reference.Prepare(pattern, configuration, received, slot, out int firstCrb, out int endCrb))
        {
            return;
        }

        Span<int> perPort = _elementsPerPort.AsSpan(0, pattern.PortCount);
        perPort.Clear();
        foreach (CsiRsResourceElement re in pattern.Elements)
        {
            perPort[re.Port]++;
        }

        float beta = configuration.Amplitude;
        ReadOnlySpan<CsiRsResourceElement> elements = pattern.Elements;
        int gridOffset = received.NStartGrid * NrConstants.SubcarriersPerRb;
        Span<int> blocks = result.BlockBuffer;
        int count = 0;
        for (int n = firstCrb; n < endCrb; n++)
        {
            if (!pattern.Density.Carries(n))
            {
                continue;
            }

            for (int p = 0; p < pattern.PortCount; p++)
            {
                result.ChannelBuffer(p)[count] = default;
            }

            int baseIndex = pattern.SequenceBase(n);
            int blockStart = (n * NrConstants.SubcarriersPerRb) - gridOffset;
            foreach (CsiRsResourceElement re in elements)
            {
                ComplexF32 y = received[rxPort, re.Symbol, blockStart + re.Subcarrier];
                ComplexF32 r = _reference.Sequence.Value(re.Symbol, baseIndex + re.SequenceOffset);
                result.ChannelBuffer(re.Port)[count] += (y * r.Conjugate) * re.Weight;
            }

            for (int p = 0; p < pattern.PortCount; p++)
            {
                result.ChannelBuffer(p)[count] *= 1f / (beta * perPort[p]);
            }

            blocks[count++] = n;
        }

        result.BlockCount = count;
        double noiseSum = 0;
        int noiseTerms = 0;
        Span<float> rsrp = result.RsrpBuffer;
        for (int p = 0; p < pattern.PortCount; p++)
        {
            ReadOnlySpan<ComplexF32> h = result.ChannelBuffer(p)[..count];
            double power = 0, deviation = 0;
            for (int i = 0; i < count; i++)
            {
                power += h[i].MagnitudeSquared;
                if (i > 0 && i < count - 1)
                {
                    ComplexF32 d = h[i] - ((h[i - 1] + h[i + 1]) * 0.5f);
                    deviation += d.MagnitudeSquared;
                }
            }

            if (count >= 3)
            {
                noiseSum += deviation / (count - 2) / 1.5 * beta * beta * perPort[p];
                noiseTerms++;
            }

            rsrp[p] = (float)(power / count);
        }

        double noise = noiseTerms > 0 ? noiseSum / noiseTerms : double.NaN;
        result.NoiseVariance = (float)noise;
        for (int p = 0; p < pattern.PortCount; p++)
        {
            double bias = double.IsNaN(noise) ? 0 : noise / (beta * beta * perPort[p]);
            rsrp[p] = (float)(beta * beta * Math.Max(rsrp[p] - bias, 0));
        }
    }
}
