package jp.otasuke.dispatch.skill;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import jp.otasuke.common.skills.Skills;

/** The skill catalogue, for the screens that onboard engineers and request an engineer on site. */
@Path("/api/v1/skills")
@Produces(MediaType.APPLICATION_JSON)
public class SkillResource {

    @GET
    @Authenticated
    public List<Skills.Skill> catalogue() {
        return Skills.CATALOGUE;
    }
}
