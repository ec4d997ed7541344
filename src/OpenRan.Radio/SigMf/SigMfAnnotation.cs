namespace OpenRan.Radio.SigMf;

/// <summary>A SigMF annotation: a labelled range of samples.</summary>
/// <param name="SampleStart"><c>core:sample_start</c>.</param>
/// <param name="SampleCount"><c>core:sample_count</c>, or null for a point annotation.</param>
/// <param name="Label"><c>core:label</c>.</param>
/// <param name="Comment"><c>core:comment</c>.</param>
/// <param name="FrequencyLowerEdgeHz"><c>core:freq_lower_edge</c>.</param>
/// <param name="FrequencyUpperEdgeHz"><c>core:freq_upper_edge</c>.</param>
public sealed record SigMfAnnotation(long SampleStart, long? SampleCount = null, string? Label = null, string? Comment = null, double? FrequencyLowerEdgeHz = null, double? FrequencyUpperEdgeHz = null);
