using static DxCollab.IntegrationTests.Api.AccessMatrix.Caller;
using static DxCollab.IntegrationTests.Api.AccessMatrix.Callers;

namespace DxCollab.IntegrationTests.Api.AccessMatrix;

/// <summary>The access policy of the API: for every operation of /openapi/v1.json, who may call it (see <see cref="Rule"/>).
/// Rendered into docs/access-matrix.md; proved by AuthorisationMatrixTests.</summary>
public static class AccessPolicy
{
    public static readonly IReadOnlyDictionary<string, Rule> Rules = new Dictionary<string, Rule>
    {
    };
}
