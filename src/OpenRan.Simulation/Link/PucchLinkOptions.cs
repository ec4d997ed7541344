using System;
using System.Collections.Generic;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.Simulation.Configuration;

namespace OpenRan.Simulation.Link;

/// <summary>
/// The options of a PUCCH link sweep (<c>openran sim pucch</c>): the PUCCH resource and UCI, what is counted, the carrier,
/// the propagation condition, the receive antennas, the SNR points and the stopping rule. Immutable; <see cref="Validate"/>
/// names any bad value.
/// </summary>
public sealed record PucchLinkOptions
{
    /// <summary>The PUCCH resource.</summary>
    public required PucchConfiguration Configuration { get; init; }

    /// <summary>The UCI bits per occasion.</summary>
    public required PucchUciSizes Sizes { get; init; }

    /// <summary>What is counted.</summary>
    public PucchTest Test { get; init; } = PucchTest.AckMissed;

    /// <summary>The requirement the sweep is checked against, or null.</summary>
    public PucchRequirement? Requirement { get; init; }

    /// <summary>Carrier bandwidth in PRBs (the grid and the OFDM size).</summary>
    public int GridPrbs { get; init; } = Ts38104Table8_3.GridPrbs;

    /// <summary>Propagation condition name (see <see cref="Channels.PropagationConditions.Parse"/>).</summary>
    public string Propagation { get; init; } = "TDLC300-100-low";

    /// <summary>Receive antennas, 1..8.</summary>
    public int RxAntennas { get; init; } = 2;

    /// <summary>SNR points in dB (per RE per receive antenna).</summary>
    public required IReadOnlyList<double> SnrDb { get; init; }

    /// <summary>The most occasions (slots) per SNR point.</summary>
    public long MaxOccasions { get; init; } = 10_000;

    /// <summary>A point stops once it has this many errors (0: always <see cref="MaxOccasions"/>).</summary>
    public long MinErrors { get; init; } = 200;

    /// <summary>Occasions per work unit.</summary>
    public int BatchOccasions { get; init; } = 100;

    /// <summary>Master seed.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Worker threads (≥ 1).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The receiver's false-alarm probability of the DTX tests.</summary>
    public double FalseAlarmProbability { get; init; } = PucchReceiverOptions.Default.FalseAlarmProbability;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Configuration);
        PucchConfigurationValidator.ThrowIfInvalid(Configuration, Sizes);
        ThrowHelper.ThrowIfOutside(GridPrbs, 1, 275);
        if (Configuration.NStartBwp + Configuration.NSizeBwp > GridPrbs)
        {
            ThrowHelper.ThrowArgument(nameof(GridPrbs), $"the BWP (CRB {Configuration.NStartBwp} + {Configuration.NSizeBwp}) does not fit the {GridPrbs}-PRB carrier.");
        }

        ThrowHelper.ThrowIfOutside(RxAntennas, 1, PucchResourceElementExtractor.MaxRxAntennas);
        ArgumentNullException.ThrowIfNull(SnrDb);
        ThrowHelper.ThrowIfOutside(SnrDb.Count, 1, 1000, nameof(SnrDb));
        if (MaxOccasions < 1)
        {
            ThrowHelper.ThrowOutOfRange(nameof(MaxOccasions), MaxOccasions, "≥ 1");
        }

        if (MinErrors < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(MinErrors), MinErrors, "≥ 0");
        }

        ThrowHelper.ThrowIfOutside(BatchOccasions, 1, 1_000_000);
        ThrowHelper.ThrowIfOutside(Threads, 1, 1024);
        bool harq = Sizes.HarqAckBitCount > 0;
        if (Test is PucchTest.AckMissed or PucchTest.NackToAck or PucchTest.DtxToAck && !harq)
        {
            ThrowHelper.ThrowArgument(nameof(Test), $"test {Test} counts HARQ-ACK bits, but the UCI has none (HarqAckBitCount = 0).");
        }

        new PucchReceiverOptions { FalseAlarmProbability = FalseAlarmProbability }.Validate();
    }
}
