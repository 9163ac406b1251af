using DxCollab.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Polls;

/// <summary>The tables of this slice (Procurement_*).</summary>
public sealed class PollsModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
    }
}
