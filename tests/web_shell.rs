//! The shell mounted in headless Chromium: header controls wired to the demo data.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mes_apps::domain::catalogue::Catalogue;
use mes_apps::ui::state::Contexts;
use mes_apps::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;
use web_support::*;

#[wasm_bindgen_test]
async fn header_has_product_and_user_controls_with_demo_data() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        Contexts::new(Catalogue::shipped().unwrap()).provide();
        view! { <App/> }
    });
    leptos::task::tick().await;

    let product: web_sys::HtmlSelectElement = root
        .query_selector("#ma-produit")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let label = root
        .query_selector("label[for=ma-produit]")
        .unwrap()
        .unwrap();
    assert_eq!(label.text_content().unwrap(), "Produit");
    assert_eq!(product.length(), 2);
    assert_eq!(product.value(), "quickbooks");

    let user: web_sys::HtmlSelectElement = root
        .query_selector("#ma-utilisateur")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let options: Vec<String> = (0..user.length())
        .map(|i| user.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(
        options,
        [
            "Claire Martin — administratrice principale",
            "Julien Petit — administrateur",
            "Sophie Bernard — utilisatrice standard",
        ]
    );
    let link = root
        .query_selector("nav a[href='/quickbooks/mes-apps']")
        .unwrap();
    assert!(link.is_some_and(|a| a.text_content().unwrap().trim() == "Mes apps"));
    root.remove();
}

/// The one way the UI sets HTML: data given to `text` stays text, in content and in a
/// quoted attribute alike, whatever it holds.
#[wasm_bindgen_test]
fn html_drawn_as_a_string_keeps_data_as_text() {
    use mes_apps::ui::web::html::Html;
    let hostile = r#"<img src=x onerror="alert(1)"> & 'x' </td></tr><script>alert(2)</script>"#;
    let mut html = Html::default();
    html.tag("<p title=\"")
        .text(hostile)
        .tag("\">")
        .text(hostile)
        .tag("</p>");
    let root = document().create_element("div").unwrap();
    html.set_into(&root);
    assert_eq!(root.children().length(), 1, "{}", html.as_str());
    let p = root.first_element_child().unwrap();
    assert_eq!(p.tag_name(), "P");
    assert_eq!(p.text_content().as_deref(), Some(hostile));
    assert_eq!(p.get_attribute("title").as_deref(), Some(hostile));
    assert!(root
        .query_selector("img, script, [onerror]")
        .unwrap()
        .is_none());
}
