using System.Collections.Generic;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Mimo;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.Scrambling;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;
using OpenRan.Phy.Upper.TransformPrecoding;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// Immutable PUSCH configuration (TS 38.211 §6.3.1, §6.4.1.1, §6.4.1.2; TS 38.214 §6.1): one codeword on 1 to 4 layers,
/// codebook or non-codebook precoding onto 1, 2 or 4 antenna ports, optional transform precoding.
/// </summary>
/// <remarks>
/// UCI on PUSCH (TS 38.212 §6.2.7, §6.3.2) is configured by <see cref="Uci"/>: HARQ-ACK, CSI part 1 and part 2 with their
/// β_offset indices and α, with or without UL-SCH.
/// </remarks>
public sealed record PuschConfiguration : SharedChannelConfiguration
{
    /// <summary>Number of antenna ports ρ: 1, 2 or 4.</summary>
    public int AntennaPortCount { get; init; } = 1;

    /// <summary>Codebook or non-codebook transmission (<c>txConfig</c>).</summary>
    public PuschTransmissionScheme TransmissionScheme { get; init; } = PuschTransmissionScheme.NonCodebook;

    /// <summary>TPMI for codebook transmission (TS 38.211 Tables 6.3.1.5-1 to -7).</summary>
    public int Tpmi { get; init; }

    /// <summary>Transform precoding (DFT-s-OFDM, TS 38.211 §6.3.1.4): single layer, DM-RS type 1, contiguous PRBs of 2^a·3^b·5^c.</summary>
    public bool TransformPrecoding { get; init; }

    /// <summary>With transform precoding and π/2-BPSK: the low-PAPR type-2 DM-RS (<c>tp-pi2BPSK</c>).</summary>
    public bool Pi2BpskDmrs { get; init; }

    /// <summary>DM-RS low-PAPR sequence parameters for transform precoding (n_ID^RS and hopping).</summary>
    public TransformPrecodingDmrs TransformPrecodingDmrs { get; init; } = new();

    /// <summary>The UCI multiplexed on this PUSCH (TS 38.212 §6.2.7, §6.3.2), or null for UL-SCH only.</summary>
    public PuschUciConfiguration? Uci { get; init; }

    /// <inheritdoc />
    protected override bool IsDownlink => false;

    /// <inheritdoc />
    public override PuschUciConfiguration? MultiplexedUci => Uci;

    /// <inheritdoc />
    public override bool CodewordHasPlaceholders => Uci is not null;

    /// <summary>c_init of the PUSCH scrambling (TS 38.211 §6.3.1.1): n_RNTI·2^15 + n_ID.</summary>
    public override uint ScramblingCInit => PuschScrambling.InitialValue(NRnti, NId);

    /// <summary>The precoding matrix W (antenna ports × layers) of this configuration.</summary>
    public PrecodingMatrix Precoding => PrecodingMatrix.ForPusch(TransmissionScheme, LayerCount, AntennaPortCount, Tpmi, TransformPrecoding);

    /// <inheritdoc />
    public override int TransmitPortCount => AntennaPortCount;

    /// <inheritdoc />
    public override PrecodingMatrix? PortPrecoding
    {
        get
        {
            PrecodingMatrix precoding = Precoding;
            return precoding.IsIdentity ? null : precoding;
        }
    }

    /// <inheritdoc />
    public override bool IsTransformPrecoded => TransformPrecoding;

    /// <inheritdoc />
    public override DmrsSequenceKind DmrsSequence =>
        !TransformPrecoding ? DmrsSequenceKind.PseudoRandom : Pi2BpskDmrs ? DmrsSequenceKind.LowPaprType2 : DmrsSequenceKind.LowPaprType1;

    /// <inheritdoc />
    public override TransformPrecodingDmrs? LowPaprDmrs => TransformPrecoding ? TransformPrecodingDmrs : null;

    /// <inheritdoc />
    protected override void AddChannelProblems(List<string> problems)
    {
        if (AntennaPortCount is not (1 or 2 or 4))
        {
            problems.Add($"AntennaPortCount = {AntennaPortCount}; valid: 1, 2, 4");
        }
        else if (LayerCount > AntennaPortCount)
        {
            problems.Add($"LayerCount = {LayerCount} exceeds AntennaPortCount = {AntennaPortCount}; layers ≤ ports");
        }
        else if (TransmissionScheme == PuschTransmissionScheme.NonCodebook && LayerCount != AntennaPortCount)
        {
            problems.Add($"non-codebook transmission maps each layer to one port: AntennaPortCount = {AntennaPortCount} must equal LayerCount = {LayerCount}");
        }
        else if (TransmissionScheme == PuschTransmissionScheme.Codebook && AntennaPortCount > 1)
        {
            int size = PrecodingMatrix.CodebookSize(LayerCount, AntennaPortCount, TransformPrecoding);
            if (size == 0)
            {
                problems.Add($"no codebook for {LayerCount} layer(s) on {AntennaPortCount} antenna ports{(TransformPrecoding ? " with transform precoding" : string.Empty)}");
            }
            else
            {
                Check(problems, Tpmi, 0, size - 1, nameof(Tpmi));
            }
        }

        if (TransformPrecoding)
        {
            if (LayerCount != 1)
            {
                problems.Add($"transform precoding is single-layer (TS 38.211 §6.3.1.4); LayerCount = {LayerCount}");
            }

            if (Dmrs.ConfigurationType != DmrsConfigurationType.Type1)
            {
                problems.Add("transform precoding requires DM-RS configuration type 1 (TS 38.211 §6.4.1.1.3)");
            }

            if (Dmrs.CdmGroupsWithoutData != 2)
            {
                problems.Add($"transform precoding requires Dmrs.CdmGroupsWithoutData = 2 (no data on DM-RS symbols, TS 38.214 §6.2.2); it is {Dmrs.CdmGroupsWithoutData}");
            }

            if (!TransformPrecoder.IsValidPrbCount(PrbSet.Count))
            {
                problems.Add($"transform precoding needs 2^a·3^b·5^c PRBs (TS 38.211 §6.3.1.4); PrbSet has {PrbSet.Count}");
            }
            else
            {
                int[] prbs = [.. System.Linq.Enumerable.Order(PrbSet)];
                if (prbs[^1] - prbs[0] + 1 != prbs.Length)
                {
                    problems.Add("transform precoding needs contiguous PRBs (resource allocation type 1)");
                }
            }

            if (Ptrs is not null)
            {
                problems.Add("PT-RS with transform precoding (TS 38.211 §6.4.1.2.1.2, pre-DFT PT-RS groups) is not supported");
            }

            Check(problems, TransformPrecodingDmrs.NIdRs, 0, 1007, "TransformPrecodingDmrs.NIdRs");
            if (Pi2BpskDmrs && PrbSet.Count * 6 < LowPaprSequenceType2MinLength)
            {
                problems.Add($"the π/2-BPSK DM-RS of {PrbSet.Count} PRB(s) has length {PrbSet.Count * 6} < 30, which needs the computer-generated sequences of TS 38.211 Tables 5.2.3.2-1 to -4 (not supported); use ≥ 5 PRBs");
            }
        }

        if (Uci is not null)
        {
            problems.AddRange(Uci.Validate());
        }

        if (Pi2BpskDmrs && (!TransformPrecoding || Modulation != ModulationScheme.Pi2Bpsk))
        {
            problems.Add("Pi2BpskDmrs needs transform precoding and π/2-BPSK modulation");
        }

        if (!TransformPrecoding && Modulation == ModulationScheme.Pi2Bpsk)
        {
            problems.Add("π/2-BPSK is only used with transform precoding (TS 38.214 §6.1.4.1)");
        }
    }

    /// <inheritdoc />
    protected override void AddLayoutProblems(SharedChannelLayout layout, List<string> problems)
    {
        System.ArgumentNullException.ThrowIfNull(layout);
        System.ArgumentNullException.ThrowIfNull(problems);
        base.AddLayoutProblems(layout, problems);
        if (Uci is not null)
        {
            AddUciProblems(layout, problems);
        }

        if (!TransformPrecoding)
        {
            return;
        }

        for (int l = 0; l < layout.SymbolsPerSlot; l++)
        {
            int count = 0;
            foreach (DataRun run in layout.DataRuns(l))
            {
                count += run.Length;
            }

            if (count != 0 && count != layout.SubcarrierCount)
            {
                problems.Add($"with transform precoding every data symbol must use all {layout.SubcarrierCount} allocated subcarriers; symbol {l} has {count} (reserved resources must cover whole symbols)");
                return;
            }
        }
    }

    /// <summary>The UCI must be codable in its lengths and the UL-SCH must keep a coded bit per code block (TS 38.212 §6.3.2.4, §5.4.2.1).</summary>
    private void AddUciProblems(SharedChannelLayout layout, List<string> problems)
    {
        ChannelCoding.SharedChannel.SharedChannelCodingParameters coding;
        try
        {
            coding = CodingParameters(layout);
        }
        catch (System.ArgumentException)
        {
            return; // reported by the base checks
        }

        PuschUciLengths lengths = PuschUciPlanCache.Lengths(this, Uci!, layout, coding);
        lengths.AddProblems(Uci!, problems);
        int unit = LayerCount * Modulation.BitsPerSymbol();
        if (Uci!.UlschPresent && lengths.Ulsch / unit < coding.Segmentation.CodeBlockCount)
        {
            problems.Add($"the UCI leaves G_UL-SCH = {lengths.Ulsch} coded bits, too few for the {coding.Segmentation.CodeBlockCount} code block(s) of the transport block (TS 38.212 §6.2.7, §5.4.2.1); the UCI is too large for the resource (reduce the β_offset indices or Uci.Scaling)");
        }
    }

    private const int LowPaprSequenceType2MinLength = Sequences.LowPaprSequenceType2.MinLength;
}
