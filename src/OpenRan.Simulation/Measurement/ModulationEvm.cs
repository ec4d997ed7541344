namespace OpenRan.Simulation.Measurement;

/// <summary>The RMS EVM of the PDSCH resource elements of one modulation (TS 38.141-1 §6.6.3).</summary>
/// <param name="Modulation">QPSK, 16QAM, … 1024QAM.</param>
/// <param name="BitsPerSymbol">Q_m.</param>
/// <param name="EvmPercent">RMS EVM in percent: the larger of the two window positions.</param>
/// <param name="EvmEarlyPercent">RMS EVM with the FFT window at Δc̃ − W/2.</param>
/// <param name="EvmLatePercent">RMS EVM with the FFT window at Δc̃ + W/2.</param>
/// <param name="ResourceElements">Resource elements measured (per window position).</param>
public sealed record ModulationEvm(string Modulation, int BitsPerSymbol, double EvmPercent, double EvmEarlyPercent, double EvmLatePercent, long ResourceElements);
