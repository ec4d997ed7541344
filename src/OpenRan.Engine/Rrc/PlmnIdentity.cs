namespace OpenRan.Engine.Rrc;

/// <summary>A PLMN identity: MCC (empty when absent, i.e. the previous entry's) and MNC digits (TS 38.331 PLMN-Identity).</summary>
public sealed record PlmnIdentity(string Mcc, string Mnc)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Mcc.Length > 0 ? Mcc : "(same)")}-{Mnc}";
}
