using System;
using OpenRan.Engine.Timing;

namespace OpenRan.Engine.Scheduling;

/// <summary>What the PHY found in one uplink slot, handed to the scheduler as values.</summary>
public sealed class UplinkSlotResults
{
    private readonly PuschResult[] _pusch;
    private readonly PrachDetectionResult[] _prach = new PrachDetectionResult[64];
    private readonly PucchResult[] _pucch = [new(), new(), new(), new()];

    /// <summary>Creates room for <paramref name="maxPusch"/> PUSCH results.</summary>
    public UplinkSlotResults(int maxPusch, int maxTransportBlockBytes)
    {
        _pusch = new PuschResult[maxPusch];
        for (int i = 0; i < maxPusch; i++)
        {
            _pusch[i] = new PuschResult(maxTransportBlockBytes);
        }
    }

    /// <summary>The slot.</summary>
    public SlotPoint Slot { get; private set; }

    /// <summary>The PUSCH results (same order as the plan's PUSCHs).</summary>
    public ReadOnlySpan<PuschResult> Pusch => _pusch.AsSpan(0, PuschCount);

    /// <summary>Number of PUSCH results.</summary>
    public int PuschCount { get; private set; }

    /// <summary>The PUCCH results (same order as the plan's PUCCHs).</summary>
    public ReadOnlySpan<PucchResult> Pucch => _pucch.AsSpan(0, PucchCount);

    /// <summary>Number of PUCCH results.</summary>
    public int PucchCount { get; private set; }

    /// <summary>PRACH detections.</summary>
    public ReadOnlySpan<PrachDetectionResult> Prach => _prach.AsSpan(0, PrachCount);

    /// <summary>Number of PRACH detections.</summary>
    public int PrachCount { get; private set; }

    /// <summary>Empties the results for <paramref name="slot"/>.</summary>
    public void Reset(SlotPoint slot)
    {
        Slot = slot;
        PuschCount = 0;
        PucchCount = 0;
        PrachCount = 0;
    }

    /// <summary>The next PUCCH result to fill.</summary>
    public PucchResult AddPucch() => _pucch[PucchCount++];

    /// <summary>The next PUSCH result to fill.</summary>
    public PuschResult AddPusch() => _pusch[PuschCount++];

    /// <summary>Adds a PRACH detection (ignored when full).</summary>
    public void AddPrach(PrachDetectionResult detection)
    {
        if (PrachCount < _prach.Length)
        {
            _prach[PrachCount++] = detection;
        }
    }
}
