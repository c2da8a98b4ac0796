package dev.doppel.support;

import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Finds the library cards' buttons and links whose text the card cuts off (the cards clip what overflows them),
 * as the browser lays them out. The names are left out: a long name is cut short with an ellipsis on purpose,
 * and its title attribute shows it whole.
 */
public final class CardControls {

    public static final String CARDS = ".video-card, .faceset-card, .model-card, .result-card";

    private static final String SCRIPT = """
            const problems = [];
            for (const card of document.querySelectorAll(arguments[0])) {
              const box = card.getBoundingClientRect();
              for (const control of card.querySelectorAll('button, a')) {
                if (control.getAttribute('aria-hidden') === 'true' || control.getClientRects().length === 0) continue;
                if (control.matches('.video-name, .faceset-name, .model-name, .result-name')) continue;
                const range = document.createRange();
                range.selectNodeContents(control);
                const text = range.getBoundingClientRect();
                const own = control.getBoundingClientRect();
                const name = card.classList[0] + ' "' + control.textContent.trim() + '"';
                const outside = (r) => r.left < box.left - 0.5 || r.right > box.right + 0.5;
                if (outside(own) || outside(text)) {
                  problems.push(name + ': ' + Math.round(own.left) + '-' + Math.round(own.right)
                      + ' px, its card ' + Math.round(box.left) + '-' + Math.round(box.right) + ' px');
                } else if (getComputedStyle(control).display !== 'inline'
                    && control.scrollWidth > control.clientWidth + 1) {
                  problems.push(name + ': text ' + control.scrollWidth + ' px wide in ' + control.clientWidth + ' px');
                }
              }
            }
            return problems;
            """;

    private CardControls() {
    }

    /** One line per control that is not wholly visible; empty when all are. */
    @SuppressWarnings("unchecked")
    public static List<String> cutOff(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(SCRIPT, CARDS);
    }
}
