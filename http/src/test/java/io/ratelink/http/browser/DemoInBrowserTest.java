package io.ratelink.http.browser;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo in a real browser: a click on a face in the example email opens the rating page. Headless Chromium names
 * itself in its user agent, as a mail gateway's headless fetch does, so the scanner guard holds its click and the page
 * asks "Is this your rating?"; the person's browser confirms, and the answer counts.
 */
@QuarkusTest
class DemoInBrowserTest {

    private static final String PERSON = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void aFaceClickedInTheDemoEmailIsHeldAsAHeadlessBrowserAndCountsOnceConfirmed() {
        WebDriver page = browser.open("/demo?scale=CSAT_3&lang=en");
        assertThat(page.getTitle()).isNotBlank();
        browser.screenshot("1-demo");

        page.switchTo().frame(page.findElement(By.tagName("iframe")));
        List<WebElement> faces = page.findElements(By.cssSelector("a[href*='/r/'][aria-label]"));
        assertThat(faces).hasSize(3);
        faces.get(2).click();
        page.switchTo().defaultContent();
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.urlContains("/r/"));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Is this your rating?");
        browser.screenshot("2-is-this-your-rating");

        browser.userAgent(PERSON);
        page.findElement(By.cssSelector("form.confirm button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Thank you for your feedback"));
        assertThat(page.findElement(By.cssSelector(".chosen")).getText()).contains("Great");
        browser.screenshot("3-thank-you");
    }
}
