using System;
using System.Collections.Generic;
using System.Threading;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Simulation.Configuration;
using OpenRan.Simulation.Link;
using OpenRan.Simulation.Sweeps;

namespace CustomEqualizer;

/// <summary>
/// A PUSCH BLER sweep with a researcher's equalizer, through the public API only: the link is configured with the same
/// <see cref="LinkSimulationOptions"/> the <c>openran sim pusch</c> command and its YAML files use, and the equalizer is
/// swapped in through the receiver seam of <see cref="SharedChannelLinkSimulator"/>; every other part (DM-RS channel
/// estimator, soft demapper, LDPC decoder) stays the built-in one the options name.
/// </summary>
public static class CustomEqualizerSweep
{
    /// <summary>
    /// A short PUSCH link: 6 PRBs at 15 kHz, QPSK (MCS 4 of TS 38.214 Table 5.1.3.1-1), one layer, 2 receive antennas on
    /// TDLC300-100, one transmission per transport block (so BLER is the first-transmission BLER), one thread.
    /// </summary>
    /// <param name="snrDb">The SNR points in dB (per RE per receive antenna).</param>
    /// <param name="slotsPerPoint">Slots simulated at each point.</param>
    public static LinkSimulationOptions DefaultOptions(IReadOnlyList<double> snrDb, long slotsPerPoint) => new()
    {
        Link = LinkKind.Pusch,
        SubcarrierSpacingKhz = 15,
        GridPrbs = 6,
        Mcs = 4,
        RxAntennas = 2,
        Propagation = "TDLC300-100",
        HarqMaxTransmissions = 1,
        SnrDb = snrDb,
        MaxSlots = slotsPerPoint,
        BatchSlots = (int)Math.Min(slotsPerPoint, 50),
        MinBlockErrors = 0,
        Threads = 1,
        Seed = 14,
        Plot = false,
    };

    /// <summary>Runs the sweep of <paramref name="options"/> with <paramref name="createEqualizer"/> in every receiver.</summary>
    /// <param name="options">The link (validated here).</param>
    /// <param name="createEqualizer">Creates one equalizer per worker (processors are not thread-safe).</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    /// <exception cref="ArgumentException">The options do not make a valid link (the message names the option).</exception>
    public static SweepResult Run(LinkSimulationOptions options, Func<IChannelEqualizer> createEqualizer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createEqualizer);
        LinkSetup setup = LinkSetup.Create(options);
        string name = createEqualizer().Name;
        SweepPlan plan = setup.Plan() with { Title = $"{setup.Plan().Title}, equalizer {name}" };
        var runner = new SweepRunner(
            plan,
            () => new SharedChannelLinkSimulator(setup, parts => parts with { Equalizer = createEqualizer() }),
            options.Threads);
        return runner.Run(null, cancellationToken);
    }
}
