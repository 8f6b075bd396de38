package de.amtsweg.portal;

import de.amtsweg.cases.PostboxStore;
import de.amtsweg.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The citizen's postbox: notices and messages from the authority. */
@Controller
public class PostboxController {

  private final PostboxStore postbox;

  public PostboxController(PostboxStore postbox) {
    this.postbox = postbox;
  }

  @GetMapping("/postbox")
  public String list(Authentication auth, Model model) {
    model.addAttribute("messages", postbox.forOwner(CurrentUser.requireCitizen(auth).id()));
    return "portal/postbox";
  }

  @GetMapping("/postbox/{id}")
  public String show(@PathVariable long id, Authentication auth, Model model) {
    String owner = CurrentUser.requireCitizen(auth).id();
    PostboxStore.Message message = postbox.find(id, owner)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    postbox.markRead(id, owner);
    model.addAttribute("message", message);
    return "portal/message";
  }
}
