using System;

namespace OpenRan.Radio.SigMf;

/// <summary>A SigMF capture segment: where in the data a set of capture parameters starts to apply.</summary>
/// <param name="SampleStart"><c>core:sample_start</c>, the sample index (per channel) where the segment starts.</param>
/// <param name="FrequencyHz"><c>core:frequency</c>, the centre frequency in Hz.</param>
/// <param name="DateTime"><c>core:datetime</c>, the UTC time of the segment's first sample.</param>
public sealed record SigMfCapture(long SampleStart, double? FrequencyHz = null, DateTimeOffset? DateTime = null);
