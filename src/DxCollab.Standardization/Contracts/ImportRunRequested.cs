using DxCollab.Platform.Messaging;

namespace DxCollab.Standardization.Contracts;

/// <summary>Published (through the outbox, in the transaction that stores the upload) when a workbook import run is
/// started; the consumer runs it wherever consumers run (Hosting:Role All or Worker).</summary>
public sealed record ImportRunRequested(string TenantId, Guid RunId) : ITenantMessage;
