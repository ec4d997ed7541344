using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Scrambling;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// DTX detection of PUCCH formats 2–4 carrying UCI without CRC (A ≤ 11, the (32, A) block code): the decoded UCI is
/// re-encoded, scrambled and re-modulated (DM-RS included) and the test uses the energy this whole known signal captures,
/// T = Σ_blocks |Σ y·x*|²/Σ|x|² / Σ|y|² over blocks of one PRB × one hop × one antenna. Using every RE, not only the DM-RS,
/// is what makes the decision reliable at low SNR; with noise only T is the largest of 2^A Beta(B, N − B) variables, so the
/// threshold of <see cref="PucchDetectionThreshold"/> is taken for 2^A hypotheses. Allocation-free; not thread-safe.
/// </summary>
public sealed class PucchCodewordDetector
{
    private const int MaxOccasion = NrConstants.SymbolsPerSlotNormalCp * 16 * NrConstants.SubcarriersPerRb;

    private readonly PucchUciEncoder _encoder;
    private readonly PucchFormat2Modulator _format2 = new();
    private readonly PucchFormat34Modulator _format34 = new();
    private readonly PseudoRandomSequence _scrambling = new();
    private readonly byte[] _codeword = new byte[PucchUciEncoder.MaxRateMatchedLength];
    private readonly byte[] _scrambled = new byte[PucchUciEncoder.MaxRateMatchedLength];
    private readonly ComplexF32[] _reference = new ComplexF32[MaxOccasion];

    /// <summary>Creates the detector with its own encoder or <paramref name="encoder"/>.</summary>
    public PucchCodewordDetector(PucchUciEncoder? encoder = null) => _encoder = encoder ?? new PucchUciEncoder();

    /// <summary>
    /// The normalised energy T captured by the re-modulated <paramref name="decoded"/> UCI in the extracted REs, and the
    /// number of blocks B (one complex dimension each) of the test.
    /// </summary>
    public double Metric(PucchSlotSequences sequences, PucchResourceElementExtractor received, PucchUciMessage decoded, out int blocks)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(decoded);
        PucchLayout layout = sequences.Layout;
        PucchConfiguration c = layout.Configuration;
        int eTot = layout.TotalRateMatchedLength;
        Span<byte> g = _codeword.AsSpan(0, eTot);
        _encoder.Encode(layout, new PucchUciPayload(decoded.HarqAck, decoded.Sr, decoded.CsiPart1, decoded.CsiPart2), g);
        Span<byte> scrambled = _scrambled.AsSpan(0, eTot);
        _scrambling.Initialize(PucchScrambling.InitialValue(c.NRnti, c.NIdOrCell));
        _scrambling.ApplyXor(g, scrambled);
        int msc = layout.SubcarrierCount;
        Span<ComplexF32> x = _reference.AsSpan(0, layout.SymbolCount * msc);
        if (c.Format == PucchFormat.Format2)
        {
            _format2.Modulate(sequences, scrambled, x);
        }
        else
        {
            _format34.Modulate(sequences, scrambled, x);
        }

        double captured = 0;
        blocks = 0;
        for (int r = 0; r < received.RxAntennaCount; r++)
        {
            for (int hop = 0; hop < layout.HopCount; hop++)
            {
                for (int prb = 0; prb < layout.PrbCount; prb++)
                {
                    double re = 0, im = 0, energy = 0;
                    for (int l = 0; l < layout.SymbolCount; l++)
                    {
                        if (layout.Hop(l) != hop)
                        {
                            continue;
                        }

                        ReadOnlySpan<ComplexF32> y = received.Symbol(r, l, msc).Slice(prb * NrConstants.SubcarriersPerRb, NrConstants.SubcarriersPerRb);
                        ReadOnlySpan<ComplexF32> reference = x.Slice((l * msc) + (prb * NrConstants.SubcarriersPerRb), NrConstants.SubcarriersPerRb);
                        for (int k = 0; k < y.Length; k++)
                        {
                            ComplexF32 p = ComplexF32.MultiplyConjugate(y[k], reference[k]);
                            re += p.Re;
                            im += p.Im;
                            energy += reference[k].MagnitudeSquared;
                        }
                    }

                    if (energy > 0)
                    {
                        captured += ((re * re) + (im * im)) / energy;
                        blocks++;
                    }
                }
            }
        }

        return received.Energy > 0 ? captured / received.Energy : 0;
    }
}
