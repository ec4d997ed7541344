using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Downlink;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Phy.TestModels;

/// <summary>
/// Builds the FR1 NR test models of TS 38.141-1 §4.9.2 (V17.8.0) for any FR1 channel bandwidth, subcarrier spacing and
/// duplex mode as a <see cref="DownlinkWaveformConfiguration"/>.
/// </summary>
/// <remarks>
/// <para>Common to all models (§4.9.2.2): no SS/PBCH block; duration 10 ms (FDD) or 20 ms (TDD); N_RB of TS 38.104
/// Table 5.3.2-1; one CORESET of 6 RBs from CRB 0 over symbols 0..1 (non-interleaved) carrying one PDCCH of one CCE
/// (CCE 0, RNTI 0, scrambling and DM-RS with N_ID^cell) in every downlink and special slot; PDSCH mapping type A, DM-RS
/// type 1 at symbol 2 with one additional position (FR1), one CDM group without data, scrambling identities N_ID^cell;
/// the PDSCH with RNTI 0 on PRBs 3..N_RB−1 over symbols 0..13 and the PDSCH with RNTI 2 on PRBs 0..2 from symbol 2
/// (time-multiplexed with the PDCCH); all PDSCH rate-matched around PRBs 0..2 in symbols 0..1.</para>
/// <para>TM2/2a/2b: one PRB with RNTI 2 from symbol 2, PRB 0 in slots 3n, PRB ⌊N_RB/2⌋ in slots 3n+1 and PRB N_RB−1 in slots
/// 3n+2 of each frame. TM1.2, TM3.2, TM3.3: the target PRGs (size P of TS 38.214 Table 5.1.2.2.1-1, configuration 1, over
/// the N_RB − 3 PRBs from PRB 3) are every other PRG from the second one plus the last one, their number
/// min(⌊x·(N_RB−3)/P⌋, ⌊n_max/2⌋ + 1) (x the target share), with the target power; the other PRBs balance the total power
/// (RNTI 0 for the boosted side, 1 for the de-boosted side, QPSK). TDD (Table 4.9.2.2-1): 15 kHz DDDSU (S = 10 downlink
/// symbols), 30 kHz DDDDDDDSUU (S = 6), 60 kHz 14 D, S = 12, with PDCCH and PDSCH shortened to the downlink symbols of
/// the special slot. The layout follows MATLAB 5G Toolbox's hNRReferenceWaveformGenerator, which states that it implements
/// TS 38.141-1 V17.8.0; the specification text was not available to cross-check the PRG rule independently.</para>
/// </remarks>
public static class NrTestModelFactory
{
    /// <summary>The TDD pattern of TS 38.141-1 Table 4.9.2.2-1 for a carrier of <paramref name="subcarrierSpacingKhz"/>.</summary>
    public static TddPattern TddPattern(int subcarrierSpacingKhz) => subcarrierSpacingKhz switch
    {
        15 => Upper.Channels.Downlink.TddPattern.FromReference(15, 5, 3, 10, 1, 2, 15),
        30 => Upper.Channels.Downlink.TddPattern.FromReference(30, 5, 7, 6, 2, 4, 30),
        60 => Upper.Channels.Downlink.TddPattern.FromReference(60, 5, 14, 12, 4, 8, 60),
        _ => throw new ArgumentOutOfRangeException(nameof(subcarrierSpacingKhz), subcarrierSpacingKhz, "FR1 test models: 15, 30 or 60 kHz"),
    };

    /// <summary>Creates a test model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="bandwidthMhz">The FR1 channel bandwidth (TS 38.104 Table 5.3.2-1 must list it at the spacing).</param>
    /// <param name="subcarrierSpacingKhz">15, 30 or 60.</param>
    /// <param name="duplex">FDD or TDD.</param>
    /// <param name="nIdCell">N_ID^cell (1 for the lowest carrier, TS 38.141-1 §4.9.2.2).</param>
    /// <param name="data">The payload: the specification's PN23 or MATLAB's coded patterns.</param>
    /// <param name="carrierFrequencyHz">f0 for the TS 38.211 §5.4 phase compensation (0: none).</param>
    /// <param name="sampleRateHz">The sample rate (0: the power-of-two FFT of 85 % occupancy, as MATLAB).</param>
    public static DownlinkWaveformConfiguration Create(
        NrTestModel model, int bandwidthMhz, int subcarrierSpacingKhz, DuplexMode duplex, int nIdCell = 1,
        NrTestModelData data = NrTestModelData.Pn23, double carrierFrequencyHz = 0, double sampleRateHz = 0)
    {
        if (duplex is not (DuplexMode.Fdd or DuplexMode.Tdd))
        {
            throw new ArgumentOutOfRangeException(nameof(duplex), duplex, "FDD or TDD");
        }

        if (subcarrierSpacingKhz is not (15 or 30 or 60))
        {
            throw new ArgumentOutOfRangeException(nameof(subcarrierSpacingKhz), subcarrierSpacingKhz, "FR1 test models: 15, 30 or 60 kHz");
        }

        int? nrbOrNull = Ts38101Table5_3_2_1.TryGetMaxRbCount(FrequencyRange.Fr1, bandwidthMhz, subcarrierSpacingKhz);
        if (nrbOrNull is not int nrb)
        {
            throw new ArgumentOutOfRangeException(nameof(bandwidthMhz), bandwidthMhz, $"no FR1 channel of {bandwidthMhz} MHz at {subcarrierSpacingKhz} kHz (TS 38.104 Table 5.3.2-1)");
        }

        if (nIdCell is < 0 or > NrConstants.MaxCellId)
        {
            throw new ArgumentOutOfRangeException(nameof(nIdCell), nIdCell, $"0..{NrConstants.MaxCellId}");
        }

        int mu = Numerology.FromSubcarrierSpacingKhz(subcarrierSpacingKhz).Mu;
        int slotsPerFrame = NrConstants.SubframesPerFrame << mu;
        TddPattern? tdd = duplex == DuplexMode.Tdd ? TddPattern(subcarrierSpacingKhz) : null;
        var carrier = new DownlinkCarrier
        {
            Numerology = mu, NSizeGrid = nrb, NIdCell = nIdCell, CarrierFrequencyHz = carrierFrequencyHz, SampleRateHz = sampleRateHz, Tdd = tdd,
        };
        bool matlab = data == NrTestModelData.MatlabPattern;
        var pdcch = new DownlinkPdcch
        {
            Name = "PDCCH",
            Coreset = new CoresetConfiguration(1, 0, [true], 2, CceRegMapping.NonInterleaved, 6, 2, 0, PrecoderGranularity.SameAsRegBundle, nIdCell),
            FirstCce = 0,
            AggregationLevel = 1,
            Rnti = 0,
            ScramblingRnti = 0,
            Slots = tdd is null ? SlotPattern.EverySlot : new SlotPattern(tdd.PeriodSlots, Enumerable.Range(0, tdd.DownlinkSlots + (tdd.DownlinkSymbols >= 2 ? 1 : 0))),
            Coded = matlab,
            PayloadBits = 20,
            Data = matlab ? BitSourceDefinition.Repeat(1, 1, 0, 0) : BitSourceDefinition.Pn23,
        };

        List<Sequence> sequences = Sequences(model, nrb, slotsPerFrame, tdd);
        var pdsch = new List<DownlinkPdsch>();
        foreach (Sequence s in sequences)
        {
            pdsch.Add(Pdsch(s, carrier, matlab));
        }

        return new DownlinkWaveformConfiguration
        {
            Name = $"{model.Name()} {bandwidthMhz} MHz {subcarrierSpacingKhz} kHz {duplex.ToString().ToUpperInvariant()}",
            Carrier = carrier,
            Pdcch = [pdcch],
            Pdsch = pdsch,
            PeriodSlots = slotsPerFrame * (tdd is null ? 1 : 2),
        };
    }

    /// <summary>The target PRBs of TM1.2, TM3.2 and TM3.3 (see the remarks), within PRBs 3..N_RB−1.</summary>
    public static int[] TargetPrbs(NrTestModel model, int nrb, out int prgSize, out int prgCount)
    {
        const int first = 3;
        int bwpNrb = nrb - first;
        int p = bwpNrb <= 36 ? 2 : bwpNrb <= 72 ? 4 : bwpNrb <= 144 ? 8 : 16;
        double share = model.BoostedPercent() / 100.0;
        int nprgMax = (bwpNrb + (first % p) - p) / p;
        int nprg = Math.Min((int)Math.Floor(share * bwpNrb / p), ((nprgMax - (nprgMax % 2)) / 2) + 1);
        int lastPrg = ((bwpNrb + (first % p)) / p) - 1;
        var prgs = new List<int>();
        for (int j = 0; j <= nprg - 2; j++)
        {
            prgs.Add(1 + (2 * j));
        }

        prgs.Add(lastPrg);
        int origin = p * (first / p);
        prgSize = p;
        prgCount = nprg;
        return [.. prgs.SelectMany(g => Enumerable.Range(origin + (p * g), p)).Where(prb => prb >= first && prb < nrb).Distinct().Order()];
    }

    /// <summary>The PDSCH sequences of a model, in MATLAB's order (full slots, then the special slots' parts).</summary>
    private static List<Sequence> Sequences(NrTestModel model, int nrb, int slotsPerFrame, TddPattern? tdd)
    {
        int percent = model.BoostedPercent();
        ModulationScheme target = model.TargetModulation();
        var full = new List<Sequence>();
        if (percent == 1)
        {
            int[] prbs = [0, nrb / 2, nrb - 1];
            for (int t = 0; t < 3; t++)
            {
                full.Add(new Sequence($"PDSCH PRB {prbs[t]}", [prbs[t]], 2, 2, target, 0, SingleRampSlots(t, slotsPerFrame, tdd, fullSlots: true)));
            }

            if (tdd is not null && tdd.DownlinkSymbols > 2)
            {
                for (int t = 0; t < 3; t++)
                {
                    full.Add(new Sequence($"PDSCH PRB {prbs[t]} (special slot)", [prbs[t]], 2, 2, target, 0, SingleRampSlots(t, slotsPerFrame, tdd, fullSlots: false)) { EndSymbol = tdd.DownlinkSymbols });
                }
            }

            return full;
        }

        int[] rest = [.. Enumerable.Range(3, nrb - 3)];
        if (percent == 100)
        {
            full.Add(new Sequence("PDSCH RNTI 0", rest, 0, 0, target, 0, null));
            full.Add(new Sequence("PDSCH RNTI 2", [0, 1, 2], 2, 2, target, 0, null));
        }
        else
        {
            double boost = model.BoostedPowerDb();
            int[] targetPrbs = TargetPrbs(model, nrb, out int p, out int nprg);
            int[] balance = [.. rest.Except(targetPrbs)];
            int bwpNrb = nrb - 3;
            double balancePower = 10 * Math.Log10((bwpNrb - (Math.Pow(10, boost / 10) * p * nprg)) / (bwpNrb - (p * nprg)));
            int targetRnti = boost < 0 ? 1 : 0;
            full.Add(new Sequence($"PDSCH RNTI {targetRnti} (target)", targetPrbs, 0, targetRnti, target, boost, null));
            full.Add(new Sequence("PDSCH RNTI 2", [0, 1, 2], 2, 2, ModulationScheme.Qpsk, 0, null));
            full.Add(new Sequence($"PDSCH RNTI {1 - targetRnti} (balance)", balance, 0, 1 - targetRnti, model.BalanceModulation(), balancePower, null));
        }

        if (tdd is null)
        {
            return full;
        }

        var sequences = new List<Sequence>();
        var fullSlots = new SlotPattern(tdd.PeriodSlots, Enumerable.Range(0, tdd.DownlinkSlots));
        foreach (Sequence s in full)
        {
            sequences.Add(s with { Slots = fullSlots });
        }

        if (tdd.DownlinkSymbols > 2)
        {
            var special = new SlotPattern(tdd.PeriodSlots, [tdd.DownlinkSlots]);
            foreach (Sequence s in full)
            {
                sequences.Add(s with { Name = $"{s.Name} (special slot)", Slots = special, EndSymbol = tdd.DownlinkSymbols });
            }
        }

        return sequences;
    }

    /// <summary>Slots of PRB type <paramref name="type"/> (slot mod 3 within the frame), restricted to full or special downlink slots.</summary>
    private static SlotPattern SingleRampSlots(int type, int slotsPerFrame, TddPattern? tdd, bool fullSlots)
    {
        var slots = new List<int>();
        for (int s = type; s < slotsPerFrame; s += 3)
        {
            int downlink = tdd?.DownlinkSymbolCount(s) ?? 14;
            if (fullSlots ? downlink == 14 : downlink > 2 && downlink < 14)
            {
                slots.Add(s);
            }
        }

        return new SlotPattern(slotsPerFrame, slots);
    }

    private static DownlinkPdsch Pdsch(Sequence s, DownlinkCarrier carrier, bool matlab)
    {
        int cell = carrier.NIdCell;
        (McsTable table, int mcs) = s.Modulation switch
        {
            ModulationScheme.Qpsk => (McsTable.Qam256, 0),
            ModulationScheme.Qam16 => (McsTable.Qam256, 5),
            ModulationScheme.Qam64 => (McsTable.Qam256, 11),
            ModulationScheme.Qam256 => (McsTable.Qam256, 20),
            _ => (McsTable.Qam1024, 23),
        };
        double rate = matlab ? McsTables.Lookup(table, mcs).TargetCodeRate : 0.4785;
        var configuration = new PdschConfiguration
        {
            Numerology = carrier.Numerology,
            NSizeGrid = carrier.NSizeGrid,
            NSizeBwp = carrier.NSizeGrid,
            NIdCell = cell,
            PrbSet = s.Prbs,
            StartSymbol = s.StartSymbol,
            SymbolCount = s.EndSymbol - s.StartSymbol,
            MappingType = SchMappingType.A,
            Modulation = s.Modulation,
            NRnti = s.Rnti,
            NId = cell,
            Dmrs = new DmrsConfiguration
            {
                ConfigurationType = DmrsConfigurationType.Type1, Length = 1, AdditionalPosition = 1, TypeAPosition = 2, CdmGroupsWithoutData = 1,
                ScramblingId0 = cell, ScramblingId1 = cell, Ports = [0],
            },
            ReservedResources = [ReservedResource.Blocks([0, 1, 2], 0b11)],
            TargetCodeRate = rate,
            LimitedBuffer = LimitedBufferRateMatching.FromReferenceLength(25344),
        };
        return new DownlinkPdsch
        {
            Name = s.Name,
            Configuration = configuration,
            Slots = s.Slots ?? SlotPattern.EverySlot,
            PowerDb = s.PowerDb,
            Coded = matlab,
            Data = matlab ? BitSourceDefinition.Repeat(1, 0, 0, 1) : BitSourceDefinition.Pn23,
        };
    }

    private sealed record Sequence(string Name, int[] Prbs, int StartSymbol, int Rnti, ModulationScheme Modulation, double PowerDb, SlotPattern? Slots)
    {
        public int EndSymbol { get; init; } = 14;
    }
}
