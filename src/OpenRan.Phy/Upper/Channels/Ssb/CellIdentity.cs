namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>The physical cell identity found in an SS/PBCH block.</summary>
/// <param name="NIdCell">N_ID^cell = 3·N_ID^(1) + N_ID^(2).</param>
/// <param name="PssMetric">Normalized PSS correlation of the chosen N_ID^(2), 0..1 (the DTX statistic C/E over blocks of 16 subcarriers).</param>
/// <param name="SssMetric">Normalized SSS correlation of the chosen N_ID^(1), 0..1.</param>
/// <param name="Detected">Whether the PSS was detected against the noise (<see cref="CellIdentityDetector.DtxFalseAlarmProbability"/>); false: nothing there, <paramref name="NIdCell"/> is meaningless.</param>
/// <param name="ErasedResourceElements">PSS and SSS REs that were not finite or absurd and were treated as erasures.</param>
public readonly record struct CellIdentity(int NIdCell, float PssMetric, float SssMetric, bool Detected = true, int ErasedResourceElements = 0);
