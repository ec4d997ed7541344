namespace OpenRan.Simulation.Sweeps;

/// <summary>The independent random streams of a work unit.</summary>
public enum RandomStreamKind
{
    /// <summary>Channel realisations (fading, phase noise): shared by every SNR point of the same batch.</summary>
    Channel = 1,

    /// <summary>Payload bits: shared by every SNR point of the same batch.</summary>
    Data = 2,

    /// <summary>Receiver noise: different for every SNR value.</summary>
    Noise = 3,
}
